namespace Slipway;

/// <summary>
/// A target failure with an exit code of its own (a deployment that timed out, one that was rolled back): the
/// build exits with <see cref="ExitCode"/> instead of 1, and the summary shows it next to the target. Codes 0,
/// 2 (usage error) and 130 (cancelled) keep their engine meaning and cannot be chosen here.
/// </summary>
public sealed class TargetFailureException : Exception
{
    public TargetFailureException(string message, int exitCode, Exception? innerException = null)
        : base(message, innerException)
    {
        if (exitCode is < 1 or > 255 || exitCode == ExitCodes.UsageError || exitCode == ExitCodes.Cancelled)
        {
            throw new ArgumentOutOfRangeException(
                nameof(exitCode), exitCode, $"A target failure exits with 1 or a code of its own in 3..255 except {ExitCodes.Cancelled}; {ExitCodes.UsageError} and {ExitCodes.Cancelled} belong to the engine.");
        }

        ExitCode = exitCode;
    }

    public TargetFailureException()
        : this("The target failed.", ExitCodes.TargetFailed)
    {
    }

    public TargetFailureException(string message)
        : this(message, ExitCodes.TargetFailed)
    {
    }

    public TargetFailureException(string message, Exception innerException)
        : this(message, ExitCodes.TargetFailed, innerException)
    {
    }

    /// <summary>The process exit code the build ends with when this failure stops it.</summary>
    public int ExitCode { get; }
}
