using System.Diagnostics;
using System.Text;

namespace Slipway.Adoption.Tests;

/// <summary>What a command printed (stdout and stderr, interleaved), its exit code and how long it took.</summary>
public sealed record CommandResult(int ExitCode, string Output, TimeSpan Duration)
{
    public override string ToString() => $"exit code {ExitCode} after {Duration.TotalSeconds:0.0} s:\n{Output}";
}

/// <summary>
/// Runs a command as a user would in a terminal: without the test host's MSBuild and dotnet-test variables
/// (they would point a child build at the wrong SDK pieces) and without CI's (the sample is a developer's
/// checkout). MSBUILDDISABLENODEREUSE stays: each build's MSBuild nodes are its own.
/// </summary>
public static class Command
{
    public static async Task<CommandResult> RunAsync(
        string fileName, IReadOnlyList<string> arguments, string workingDirectory, CancellationToken cancellationToken, IReadOnlyDictionary<string, string>? environment = null)
    {
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

        var output = new StringBuilder();
        var clock = Stopwatch.StartNew();
        using var process = Process.Start(start)!;
        process.OutputDataReceived += (_, e) => Append(output, e.Data);
        process.ErrorDataReceived += (_, e) => Append(output, e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
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
