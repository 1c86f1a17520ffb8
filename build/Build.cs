using Slipway.Components;
using Slipway.Workflows;

/// <summary>
/// The pipeline of this repository, composed from the components in src/Slipway.Components: each brings its
/// targets and parameters. What stays here is what only this repository knows: its solution, the service it
/// ships, the tests of that service, and the name of its image.
/// </summary>
// ---- GitHub Actions workflows (.github/workflows, written by ./build.sh --generate-workflows) ----
[GitHubActions("ci", OnPushBranches = ["main"], OnPushTags = ["v*"], OnPullRequest = true,
    ConcurrencyGroup = "ci-${{ github.ref }}", ConcurrencyCancelInProgress = true,
    InvokedTargets = [nameof(ITest.Test)], TimeoutMinutes = 30, UploadArtifacts = ["test-results=artifacts/test-results"])]
[GitHubActions("deploy", OnPushBranches = ["main"],
    InvokedTargets = [nameof(ITest.Test), nameof(IPublish.Publish)], TimeoutMinutes = 30,
    UploadArtifacts = ["test-results=artifacts/test-results", "publish=artifacts/publish"])]
[GitHubActionsJob("deploy", "deploy-staging", Needs = ["test-publish"], Environment = "staging",
    InvokedTargets = ["Deploy"], SkippedTargets = [nameof(ITest.Test), nameof(IPublish.Publish)], Parameters = ["Environment=staging"],
    JobPermissions = ["contents: read", "id-token: write"], JobConcurrencyGroup = "environment-staging", TimeoutMinutes = 30,
    DownloadArtifacts = ["publish=artifacts/publish"], UploadArtifacts = ["deployment-staging=artifacts/deployments"])]
[GitHubActionsUses("deploy", "deploy-staging", "aws-actions/configure-aws-credentials@v4", Name = "AWS credentials for staging (GitHub OIDC)",
    With = ["role-to-assume=@deploy/environments/staging.json#awsRoleArn", "aws-region=@deploy/environments/staging.json#region"])]
[GitHubActions("promote", OnWorkflowDispatch = true, JobId = "promote", Environment = "production",
    InvokedTargets = ["Promote"], Parameters = ["From=${{ inputs.source }}", "To=${{ inputs.target }}", "Version=${{ inputs.version }}", "Digest=${{ inputs.digest }}"],
    JobPermissions = ["contents: read", "id-token: write"], JobConcurrencyGroup = "environment-${{ inputs.target }}", TimeoutMinutes = 30,
    UploadArtifacts = ["deployment=artifacts/deployments"])]
[GitHubActionsInput("promote", "version", Description = "Version to promote (e.g. 1.4.0); leave both empty for what the source runs now")]
[GitHubActionsInput("promote", "digest", Description = "Or the image digest to promote (sha256:...)")]
[GitHubActionsInput("promote", "source", Description = "Environment whose running image is promoted", Required = true, Default = "staging", OptionsFromFiles = "deploy/environments/*.json", ExcludedOptions = ["local"])]
[GitHubActionsInput("promote", "target", Description = "Environment that receives it", Required = true, Default = "production", OptionsFromFiles = "deploy/environments/*.json", ExcludedOptions = ["local"])]
[GitHubActionsUses("promote", "promote", "aws-actions/configure-aws-credentials@v4", Name = "AWS credentials for production (GitHub OIDC)",
    With = ["role-to-assume=@deploy/environments/production.json#awsRoleArn", "aws-region=@deploy/environments/production.json#region"])]
[GitHubActions("release", OnPushTags = ["v*"], JobId = "release",
    InvokedTargets = [nameof(ITest.Test), nameof(IPushPackages.PushPackages)], Parameters = ["PackageFeed=https://api.nuget.org/v3/index.json"],
    ImportSecrets = ["PackageFeedApiKey=NUGET_API_KEY"], TimeoutMinutes = 30, UploadArtifacts = ["packages=artifacts/packages"])]
[GitHubActions("mutation", OnCronSchedule = ["0 3 * * 1"], OnWorkflowDispatch = true, JobId = "mutate",
    InvokedTargets = [nameof(IMutate.Mutate)], TimeoutMinutes = 300, UploadArtifacts = ["mutation=artifacts/mutation"])]
// ---- end of workflows ----
sealed partial class Build : NukeBuild, IClean, IRestore, ICompile, ITest, IPublish, IDockerImage, IDockerPush, IDeploy, ILocalEnvironment, IPromote, IRollback, IReleases, IAwsPolicy, IPushPackages, IMutate
{
    public static int Main() => Execute<Build>(x => x.From<ITest>().Test);

    AbsolutePath IHazSolution.Solution => RootDirectory / "Solution.sln";

    AbsolutePath IPublish.PublishProject => RootDirectory / "src" / "Api" / "Api.csproj";

    IEnumerable<AbsolutePath> ITest.ServiceTestProjects => [RootDirectory / "tests" / "Api.Tests" / "Api.Tests.csproj"];

    string IDockerImage.DefaultImageRepository => "slipway/api";

    /// <summary>What users of Slipway reference (the engine, Docker, AWS, the components, the local cloud) and the template.</summary>
    IEnumerable<AbsolutePath> IPack.PackProjects =>
    [
        RootDirectory / "src" / "Slipway" / "Slipway.csproj",
        RootDirectory / "src" / "Slipway.Docker" / "Slipway.Docker.csproj",
        RootDirectory / "src" / "Slipway.Aws" / "Slipway.Aws.csproj",
        RootDirectory / "src" / "Slipway.Components" / "Slipway.Components.csproj",
        RootDirectory / "src" / "Slipway.LocalCloud" / "Slipway.LocalCloud.csproj",
        RootDirectory / "templates" / "Slipway.Templates" / "Slipway.Templates.csproj",
    ];
}
