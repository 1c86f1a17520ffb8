using Slipway;

/// <summary>
/// The pipeline of this repository. Each target says what it needs and what it does; how it does it lives in
/// the partial files by concern (Build.DotNet.cs) and in src/.
/// </summary>
sealed partial class Build : NukeBuild
{
    public static int Main() => Execute<Build>(x => x.Test);

    [Parameter("Debug or Release (Debug locally, Release on CI)")]
    readonly Configuration Configuration = IsLocalBuild ? Configuration.Debug : Configuration.Release;

    AbsolutePath Solution => RootDirectory / "Solution.sln";
    AbsolutePath ArtifactsDirectory => RootDirectory / "artifacts";
    AbsolutePath TestResultsDirectory => ArtifactsDirectory / "test-results";
    AbsolutePath PublishDirectory => ArtifactsDirectory / "publish" / "Api";
    AbsolutePath ServiceProject => RootDirectory / "src" / "Api" / "Api.csproj";

    Target Clean => _ => _
        .Description("Delete bin/, obj/ and artifacts/")
        .Before(Restore)
        .Executes(CleanOutputs);

    Target Restore => _ => _
        .Description("Restore NuGet packages")
        .Executes(ct => DotNet.RestoreAsync(s => s.SetProjectFile(Solution), ct));

    Target Compile => _ => _
        .Description("Build the solution")
        .DependsOn(Restore)
        .Executes(ct => DotNet.BuildAsync(s => s
            .SetProjectFile(Solution)
            .SetConfiguration(Configuration)
            .EnableNoRestore(), ct));

    Target Test => _ => _
        .Description("Run every test project; TRX results in artifacts/test-results")
        .DependsOn(Compile)
        .Executes(RunTestsAsync);

    Target Publish => _ => _
        .Description("Publish the service into artifacts/publish/Api, stamped with the version from git")
        .DependsOn(Compile)
        .Executes(PublishServiceAsync);
}
