using System.Diagnostics;
using System.Text;
using Xunit;

namespace Slipway.TestSupport;

/// <summary>What a command printed (stdout and stderr, interleaved), its exit code and how long it took.</summary>
public sealed record CommandResult(int ExitCode, string Output, TimeSpan Duration)
{
    public override string ToString() => $"exit code {ExitCode} after {Duration.TotalSeconds:0.0} s:\n{Output}";
}

/// <summary>
/// Runs a command as a user would in a terminal: without the test host's MSBuild and dotnet-test variables (they
/// would point a child build at the wrong SDK pieces) and without CI's (a clone or sample in a test is a
/// developer's checkout, where stale generated workflows are a warning, not CI's error). MSBUILDDISABLENODEREUSE
/// stays: each build's MSBuild nodes are its own.
/// </summary>
public static class Command
{
    public static async Task<CommandResult> RunAsync(
        string fileName, IReadOnlyList<string> arguments, string workingDirectory, CancellationToken cancellationToken, IReadOnlyDictionary<string, string>? environment = null)
    {
        var output = new StringBuilder();
        var clock = Stopwatch.StartNew();
        using var process = Start(StartInfo(fileName, arguments, workingDirectory, environment), output);
        try
        {
            await process.WaitForExitAsync(cancellationToken);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw;
        }

        process.WaitForExit();
        lock (output)
        {
            return new CommandResult(process.ExitCode, output.ToString(), clock.Elapsed);
        }
    }

    /// <summary>Runs the command and fails the test with its output when it does not exit 0.</summary>
    public static async Task<CommandResult> SucceedAsync(
        string fileName, IReadOnlyList<string> arguments, string workingDirectory, CancellationToken cancellationToken, IReadOnlyDictionary<string, string>? environment = null)
    {
        var result = await RunAsync(fileName, arguments, workingDirectory, cancellationToken, environment);
        Assert.True(result.ExitCode == 0, $"{fileName} {string.Join(' ', arguments)} (in {workingDirectory}) failed: {result}");
        return result;
    }

    /// <summary>The command without the host's variables, <paramref name="environment"/> added, its output redirected.</summary>
    public static ProcessStartInfo StartInfo(string fileName, IReadOnlyList<string> arguments, string workingDirectory, IReadOnlyDictionary<string, string>? environment = null)
    {
        ArgumentNullException.ThrowIfNull(arguments);
        var start = new ProcessStartInfo(fileName)
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        foreach (var name in start.Environment.Keys.Where(IsHostVariable).ToList())
        {
            start.Environment.Remove(name);
        }

        foreach (var (name, value) in environment ?? new Dictionary<string, string>())
        {
            start.Environment[name] = value;
        }

        return start;
    }

    /// <summary>Starts the process with its stdout and stderr appended, line by line, to <paramref name="output"/> (lock it to read).</summary>
    public static Process Start(ProcessStartInfo start, StringBuilder output)
    {
        var process = Process.Start(start) ?? throw new InvalidOperationException($"{start.FileName} did not start");
        process.OutputDataReceived += (_, e) => Append(output, e.Data);
        process.ErrorDataReceived += (_, e) => Append(output, e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return process;
    }

    private static bool IsHostVariable(string name) =>
        (name.StartsWith("MSBuild", StringComparison.OrdinalIgnoreCase) && !name.Equals("MSBUILDDISABLENODEREUSE", StringComparison.OrdinalIgnoreCase))
        || name.StartsWith("VSTEST", StringComparison.Ordinal)
        || name.StartsWith("SLIPWAY_", StringComparison.Ordinal)
        || name is "CI" or "GITHUB_ACTIONS";

    private static void Append(StringBuilder output, string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (output)
        {
            output.AppendLine(line);
        }
    }
}
