using Slipway.Processes;

namespace Slipway.Tools;

/// <summary>The <c>dotnet</c> CLI as typed calls: <c>await DotNet.BuildAsync(s =&gt; s.SetProjectFile(...))</c>.</summary>
public sealed class DotNetTasks
{
    private readonly ProcessRunner runner;
    private readonly string workingDirectory;

    public DotNetTasks(ProcessRunner runner, string workingDirectory)
    {
        this.runner = runner;
        this.workingDirectory = workingDirectory;
    }

    public Task<ProcessResult> RestoreAsync(Func<DotNetSettings, DotNetSettings> configure, CancellationToken cancellationToken = default) =>
        RunAsync("restore", configure, cancellationToken);

    public Task<ProcessResult> BuildAsync(Func<DotNetSettings, DotNetSettings> configure, CancellationToken cancellationToken = default) =>
        RunAsync("build", configure, cancellationToken);

    public Task<ProcessResult> TestAsync(Func<DotNetSettings, DotNetSettings> configure, CancellationToken cancellationToken = default) =>
        RunAsync("test", configure, cancellationToken);

    public Task<ProcessResult> PublishAsync(Func<DotNetSettings, DotNetSettings> configure, CancellationToken cancellationToken = default) =>
        RunAsync("publish", configure, cancellationToken);

    public Task<ProcessResult> CleanAsync(Func<DotNetSettings, DotNetSettings> configure, CancellationToken cancellationToken = default) =>
        RunAsync("clean", configure, cancellationToken);

    /// <summary>
    /// <c>dotnet test</c> of each project in turn (all of them, even after one fails) with TRX results in
    /// <paramref name="resultsDirectory"/> (emptied first), then the counts read from them. Failures do not
    /// throw here: call <see cref="TestResults.ThrowIfFailed"/> after reporting the counts.
    /// </summary>
    public async Task<TestResults> TestWithResultsAsync(
        IEnumerable<AbsolutePath> projects, AbsolutePath resultsDirectory, Func<DotNetSettings, DotNetSettings> configure, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(projects);
        ArgumentNullException.ThrowIfNull(resultsDirectory);
        ArgumentNullException.ThrowIfNull(configure);
        resultsDirectory.DeleteDirectory();
        ProcessException? firstFailure = null;
        foreach (var project in projects)
        {
            try
            {
                await TestAsync(s => configure(s)
                    .SetProjectFile(project)
                    .SetResultsDirectory(resultsDirectory)
                    .AddLogger($"trx;LogFilePrefix={project.NameWithoutExtension}")
                    .AddLogger("console;verbosity=normal"), cancellationToken);
            }
            catch (ProcessException exception)
            {
                firstFailure ??= exception; // Run the other projects too: one report names every failure.
            }
        }

        return TestResults.Read(resultsDirectory) with { RunFailure = firstFailure };
    }

    /// <summary>Any dotnet command; the settings' options are appended after it.</summary>
    public Task<ProcessResult> RunAsync(string command, Func<DotNetSettings, DotNetSettings> configure, CancellationToken cancellationToken = default)
    {
        var settings = configure(new DotNetSettings());
        var spec = new ProcessSpec("dotnet", settings.ToArguments(command))
        {
            WorkingDirectory = workingDirectory,
            // Keep tool output plain and quiet of first-run banners in logs.
            Environment = new Dictionary<string, string?>
            {
                ["DOTNET_NOLOGO"] = "1",
                ["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1",
                ["DOTNET_SKIP_FIRST_TIME_EXPERIENCE"] = "1",
                // Set when the build itself runs under MSBuild (dotnet run, dotnet test): they would point the
                // child at the parent's SDK pieces instead of its own.
                ["MSBUILD_EXE_PATH"] = null,
                ["MSBuildExtensionsPath"] = null,
                ["MSBuildSDKsPath"] = null,
                ["MSBuildLoadMicrosoftTargetsReadOnly"] = null,
            },
        };
        return runner.RunAsync(spec, cancellationToken);
    }
}
