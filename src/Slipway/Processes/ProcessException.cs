namespace Slipway.Processes;

/// <summary>A tool exited with a non-zero code: the message carries the code and the last lines of its errors.</summary>
public sealed class ProcessException : Exception
{
    private const int TailLines = 12;

    public ProcessException(ProcessResult result)
        : base(Describe(result))
    {
        ExitCode = result.ExitCode;
        CommandLine = result.CommandLine;
    }

    public ProcessException()
    {
        CommandLine = string.Empty;
    }

    public ProcessException(string message)
        : base(message)
    {
        CommandLine = string.Empty;
    }

    public ProcessException(string message, Exception innerException)
        : base(message, innerException)
    {
        CommandLine = string.Empty;
    }

    public int ExitCode { get; }

    public string CommandLine { get; }

    /// <summary>
    /// Prefers standard error; tools such as <c>dotnet build</c> print their errors to standard output, so
    /// without standard error the lines that mention an error are taken, else the last lines printed.
    /// </summary>
    private static string Describe(ProcessResult result)
    {
        var tool = result.CommandLine.Split(' ', 2)[0];
        var errors = result.Output.Where(l => l.Stream == OutputChannel.StandardError && l.Text.Trim().Length > 0).Select(l => l.Text).ToList();
        if (errors.Count == 0)
        {
            errors = [.. result.Output.Where(l => l.Text.Contains("error", StringComparison.OrdinalIgnoreCase)).Select(l => l.Text).Distinct()];
        }

        if (errors.Count == 0)
        {
            errors = [.. result.Output.Select(l => l.Text)];
        }

        var tail = errors.TakeLast(TailLines).Select(l => "  " + l.Trim());
        return $"{tool} exited with code {result.ExitCode}.{(errors.Count > 0 ? Environment.NewLine + string.Join(Environment.NewLine, tail) : string.Empty)}";
    }
}
