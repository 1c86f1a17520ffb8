using Slipway.Components.UpToDate;

namespace Slipway.Components;

/// <summary>
/// <c>Test</c> runs every test project (what CI runs); <c>TestService</c> runs only the tests of what ships,
/// for the deploy chain, which need not wait for the tests of the build's own tooling. Counts go to the log
/// (<c>Tests: N passed, N failed, N skipped</c>) and the summary; TRX files to <see cref="TestResultsDirectory"/>.
/// Each is up to date while the compiled test projects (and what they reference), the configuration and
/// <c>--filter</c> are unchanged since its last successful run; a failed run never is.
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
        .Inputs(i => DeclareTestInputs(i, TestProjects, filter: null))
        .Executes(ct => RunTestsAsync(TestProjects, ct));

    /// <summary>The trait value that marks tests which need real processes (an engine, a registry, ./build.sh).</summary>
    string IntegrationCategory => "Integration";

    Target UnitTest => _ => _
        .Description("The fast inner loop: every test project without the tests marked [Trait(\"Category\", \"Integration\")]")
        .DependsOn<ICompile>(x => x.Compile)
        .Inputs(i => DeclareTestInputs(i, TestProjects, $"Category!={IntegrationCategory}"))
        .Executes(ct => RunTestsAsync(TestProjects, ct, $"Category!={IntegrationCategory}"));

    Target TestService => _ => _
        .Description("Run only the tests of the shipped service (what the deploy chain needs)")
        .DependsOn<ICompile>(x => x.Compile)
        .Inputs(i => DeclareTestInputs(i, ServiceTestProjects, filter: null))
        .Executes(ct => RunTestsAsync(ServiceTestProjects, ct));

    /// <summary>What a test run reads: the compiled projects (tests and what they reference), the configuration, the filters.</summary>
    private void DeclareTestInputs(ITargetInputs inputs, IEnumerable<AbsolutePath> projects, string? filter)
    {
        foreach (var project in MsBuildProjects.Closure(projects))
        {
            inputs.Directory(project.Parent! / "bin" / Configuration.ToString());
        }

        inputs.Value("configuration", Configuration).Value("filter", filter).Value("--filter", TestFilter);
    }

    /// <summary>
    /// Runs the projects' tests against the compiled output (narrowed by <paramref name="filter"/> and by
    /// <c>--filter</c>), reports the counts, then fails if any test failed.
    /// </summary>
    async Task RunTestsAsync(IEnumerable<AbsolutePath> projects, CancellationToken cancellationToken, string? filter = null)
    {
        var combined = (filter, TestFilter) switch
        {
            (null, var given) => given,
            (var own, null) => own,
            (var own, var given) => $"({own})&({given})",
        };
        var results = await DotNet.TestWithResultsAsync(
            projects,
            TestResultsDirectory,
            s => s.SetConfiguration(Configuration).EnableNoRestore().EnableNoBuild().SetFilter(combined),
            cancellationToken);
        ReportSummary(results.ToString());
        Log.Information($"Tests: {results}");
        results.ThrowIfFailed();
    }
}
