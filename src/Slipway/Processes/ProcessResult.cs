namespace Slipway.Processes;

public enum OutputChannel
{
    StandardOutput,
    StandardError,
}

public sealed record OutputLine(OutputChannel Stream, string Text);

/// <summary>A finished process: exit code and every line it printed, in order.</summary>
public sealed record ProcessResult(string CommandLine, int ExitCode, IReadOnlyList<OutputLine> Output, TimeSpan Duration)
{
    public string StandardOutput => string.Join('\n', Output.Where(l => l.Stream == OutputChannel.StandardOutput).Select(l => l.Text));

    public string StandardError => string.Join('\n', Output.Where(l => l.Stream == OutputChannel.StandardError).Select(l => l.Text));
}
