namespace Slipway.Components;

/// <summary>
/// <c>Test</c> runs every test project (what CI runs); <c>TestService</c> runs only the tests of what ships,
/// for the deploy chain, which need not wait for the tests of the build's own tooling. Counts go to the log
/// (<c>Tests: N passed, N failed, N skipped</c>) and the summary; TRX files to <see cref="TestResultsDirectory"/>.
/// </summary>
public interface ITest : ICompile, IHazArtifacts
{
    AbsolutePath TestResultsDirectory => ArtifactsDirectory / "test-results";

    /// <summary>Every test project; by default the solution, in which <c>dotnet test</c> finds them all.</summary>
    IEnumerable<AbsolutePath> TestProjects => [Solution];

    /// <summary>The tests of what is shipped (the service, not the build's libraries); by default every test project.</summary>
    IEnumerable<AbsolutePath> ServiceTestProjects => TestProjects;

    [Parameter("Only the tests that match this dotnet test filter, e.g. \"Category!=Integration\" or \"FullyQualifiedName~Parameter\"", Name = "Filter")]
    string? TestFilter => TryGetValue(() => TestFilter);

    Target Test => _ => _
        .Description("Run every test project; TRX results in artifacts/test-results")
        .DependsOn<ICompile>(x => x.Compile)
        .Executes(ct => RunTestsAsync(TestProjects, ct));

    Target TestService => _ => _
        .Description("Run only the tests of the shipped service (what the deploy chain needs)")
        .DependsOn<ICompile>(x => x.Compile)
        .Executes(ct => RunTestsAsync(ServiceTestProjects, ct));

    /// <summary>Runs the projects' tests against the compiled output, reports the counts, then fails if any test failed.</summary>
    async Task RunTestsAsync(IEnumerable<AbsolutePath> projects, CancellationToken cancellationToken)
    {
        var results = await DotNet.TestWithResultsAsync(
            projects,
            TestResultsDirectory,
            s => s.SetConfiguration(Configuration).EnableNoRestore().EnableNoBuild().SetFilter(TestFilter),
            cancellationToken);
        ReportSummary(results.ToString());
        Log.Information($"Tests: {results}");
        results.ThrowIfFailed();
    }
}
