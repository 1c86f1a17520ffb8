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
        FirstErrorLine = ErrorLines(result).Select(l => l.Trim()).FirstOrDefault(l => l.Length > 0);
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

    /// <summary>The first line of its errors (what a summary shows), or null when it printed none.</summary>
    public string? FirstErrorLine { get; }

    /// <summary>
    /// Prefers standard error; tools such as <c>dotnet build</c> print their errors to standard output, so
    /// without standard error the lines that mention an error are taken, else the last lines printed.
    /// </summary>
    private static string Describe(ProcessResult result)
    {
        var tool = result.CommandLine.Split(' ', 2)[0];
        var errors = ErrorLines(result);
        if (errors.Count == 0)
        {
            errors = [.. result.Output.Select(l => l.Text)];
        }

        var tail = errors.TakeLast(TailLines).Select(l => "  " + l.Trim());
        return $"{tool} exited with code {result.ExitCode}.{(errors.Count > 0 ? Environment.NewLine + string.Join(Environment.NewLine, tail) : string.Empty)}";
    }

    /// <summary>Standard error, else (dotnet build prints its errors to standard output) the lines that mention an error.</summary>
    private static List<string> ErrorLines(ProcessResult result)
    {
        var errors = result.Output.Where(l => l.Stream == OutputChannel.StandardError && l.Text.Trim().Length > 0).Select(l => l.Text).ToList();
        return errors.Count > 0
            ? errors
            : [.. result.Output.Where(l => l.Text.Contains("error", StringComparison.OrdinalIgnoreCase)).Select(l => l.Text).Distinct()];
    }
}
