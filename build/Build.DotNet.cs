using Slipway;
using Slipway.Tools;
using Slipway.Versioning;

/// <summary>The .NET half of the pipeline: clean, test and publish.</summary>
sealed partial class Build
{
    BuildVersion? version;

    DotNetTasks DotNet => new(Processes, RootDirectory);

    /// <summary>The version from git, computed once and shared by every target that needs it.</summary>
    async Task<BuildVersion> GetVersionAsync(CancellationToken cancellationToken) =>
        version ??= await GitVersion.ComputeAsync(Processes, RootDirectory, cancellationToken);

    void CleanOutputs()
    {
        foreach (var top in new[] { "src", "tests" })
        {
            foreach (var directory in Directory.EnumerateDirectories(RootDirectory / top, "*", SearchOption.AllDirectories)
                         .Where(d => Path.GetFileName(d) is "bin" or "obj")
                         .ToList())
            {
                AbsolutePath.Create(directory).DeleteDirectory();
            }
        }

        ArtifactsDirectory.DeleteDirectory();
        Log.Information("Deleted bin/ and obj/ under src/ and tests/, and artifacts/.");
    }

    async Task RunTestsAsync(CancellationToken cancellationToken)
    {
        TestResultsDirectory.DeleteDirectory();
        Slipway.Processes.ProcessException? failure = null;
        try
        {
            await DotNet.TestAsync(s => s
                .SetProjectFile(Solution)
                .SetConfiguration(Configuration)
                .EnableNoRestore()
                .EnableNoBuild()
                .SetResultsDirectory(TestResultsDirectory)
                .AddLogger("trx;LogFilePrefix=tests")
                .AddLogger("console;verbosity=normal"), cancellationToken);
        }
        catch (Slipway.Processes.ProcessException exception)
        {
            failure = exception; // Report the counts first: they say more than the exit code.
        }

        var results = TestResults.Read(TestResultsDirectory);
        ReportSummary(results.ToString());
        Log.Information($"Tests: {results}");
        if (results.Failed > 0)
        {
            throw new InvalidOperationException(
                $"{results.Failed} of {results.Total} tests failed: {string.Join(", ", results.FailedTests.Take(5))}{(results.Failed > 5 ? ", …" : string.Empty)}");
        }

        if (failure is not null)
        {
            throw failure;
        }
    }

    async Task PublishServiceAsync(CancellationToken cancellationToken)
    {
        var buildVersion = await GetVersionAsync(cancellationToken);
        Log.Information($"Version {buildVersion.SemVer}, commit {buildVersion.ShortCommit}");
        PublishDirectory.DeleteDirectory();
        await DotNet.PublishAsync(s => s
            .SetProjectFile(ServiceProject)
            .SetConfiguration(Configuration)
            .SetOutput(PublishDirectory)
            .EnableNoRestore()
            // The image runs `dotnet Api.dll`: the native launcher would only add weight to it.
            .SetProperty("UseAppHost", "false")
            .SetProperty("Version", buildVersion.SemVer)
            .SetProperty("SourceRevisionId", buildVersion.ShortCommit), cancellationToken);
        ReportSummary($"{buildVersion.InformationalVersion} → {PublishDirectory.RelativeTo(RootDirectory)}");
    }
}
