using Slipway.Processes;

namespace Slipway.Versioning;

/// <summary>
/// <c>minver-cli</c> as a typed call, run as the local dotnet tool of <c>.config/dotnet-tools.json</c>:
/// <c>await MinVer.GetVersionAsync(repository, settings)</c>. The bootstrap restores the tool when the
/// manifest changes; when it is still missing (a fresh NuGet cache), the first call restores it.
/// </summary>
public sealed class MinVerTasks
{
    private readonly ProcessRunner runner;
    private readonly string toolDirectory;

    /// <param name="runner">Runs dotnet.</param>
    /// <param name="toolDirectory">A directory at or below the one holding <c>.config/dotnet-tools.json</c>.</param>
    public MinVerTasks(ProcessRunner runner, string toolDirectory)
    {
        this.runner = runner;
        this.toolDirectory = toolDirectory;
    }

    /// <summary>The version MinVer computes for the git working directory <paramref name="repository"/>.</summary>
    public async Task<MinVerResult> GetVersionAsync(string repository, MinVerSettings settings, CancellationToken cancellationToken = default)
    {
        var result = await RunMinVerAsync(repository, settings, cancellationToken);
        if (result.ExitCode != 0 && result.StandardError.Contains("dotnet tool restore", StringComparison.Ordinal))
        {
            await RunDotNetAsync(["tool", "restore"], logOutput: true, throwOnFailure: true, cancellationToken);
            result = await RunMinVerAsync(repository, settings, cancellationToken);
        }

        var version = result.Output.LastOrDefault(l => l.Stream == OutputChannel.StandardOutput && l.Text.Trim().Length > 0)?.Text.Trim();
        if (result.ExitCode != 0 || version is null || version.Any(char.IsWhiteSpace))
        {
            throw new ProcessException(
                $"minver-cli did not compute a version (exit code {result.ExitCode}): {result.StandardError}{Environment.NewLine}" +
                $"Check {MinVerSettings.FileName} and that .config/dotnet-tools.json lists minver-cli (dotnet tool restore).");
        }

        var warnings = result.Output
            .Where(l => l.Stream == OutputChannel.StandardError && l.Text.Contains("warning", StringComparison.OrdinalIgnoreCase))
            .Select(l => l.Text.Trim())
            .ToList();
        return new MinVerResult(version, warnings);
    }

    private Task<ProcessResult> RunMinVerAsync(string repository, MinVerSettings settings, CancellationToken cancellationToken) =>
        RunDotNetAsync(["tool", "run", "minver", repository, .. settings.ToArguments(), "--verbosity", "warn"], logOutput: false, throwOnFailure: false, cancellationToken);

    private Task<ProcessResult> RunDotNetAsync(IReadOnlyList<string> arguments, bool logOutput, bool throwOnFailure, CancellationToken cancellationToken) =>
        runner.RunAsync(
            new ProcessSpec("dotnet", arguments)
            {
                WorkingDirectory = toolDirectory,
                LogOutput = logOutput,
                ThrowOnFailure = throwOnFailure,
                Environment = new Dictionary<string, string?>
                {
                    ["DOTNET_NOLOGO"] = "1",
                    ["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1",
                    ["DOTNET_SKIP_FIRST_TIME_EXPERIENCE"] = "1",
                },
            },
            cancellationToken);
}

/// <summary>What minver-cli printed: the version, and its warnings (e.g. "not a valid Git working directory").</summary>
public sealed record MinVerResult(string Version, IReadOnlyList<string> Warnings);
