using Slipway.Components;
using Slipway.Workflows;

/// <summary>
/// The pipeline of this repository, composed from the Slipway components: each brings its targets and
/// parameters. What stays here is what only this repository knows: the service it ships and its image.
/// </summary>
// ---- GitHub Actions workflows (.github/workflows, written by ./build.sh --generate-workflows) ----
[GitHubActions("ci", OnPushBranches = ["main"], OnPullRequest = true,
    ConcurrencyGroup = "ci-${{ github.ref }}", ConcurrencyCancelInProgress = true,
    InvokedTargets = [nameof(ITest.Test)], TimeoutMinutes = 30, UploadArtifacts = ["test-results=artifacts/test-results"])]
// ---- end of workflows ----
sealed class Build : NukeBuild, IClean, IRestore, ICompile, ITest, IPublish, IDockerImage, IDockerPush, IDeploy, ILocalEnvironment, ISlipwayUpdates
{
    public static int Main() => Execute<Build>(x => x.From<ITest>().Test);

    /// <summary>The solution in the root when there is one, else the service's project.</summary>
    AbsolutePath IHazSolution.Solution => RootDirectory.GlobFiles("*.sln", "*.slnx") is [var solution] ? solution : ((IPublish)this).PublishProject;

    AbsolutePath IPublish.PublishProject => RootDirectory / "TEMPLATE_PROJECT_PATH";

    /// <summary>The test projects (named *Tests.csproj) outside build/.</summary>
    IEnumerable<AbsolutePath> ITest.TestProjects => RootDirectory.GlobFiles("**/*Tests.csproj").Where(p => !p.RelativeTo(RootDirectory).StartsWith("build", StringComparison.Ordinal));

    string IDockerImage.DefaultImageRepository => "TEMPLATE_IMAGE_REPOSITORY";

    AbsolutePath IDockerImage.Dockerfile => RootDirectory / "deploy" / "Dockerfile";
}
