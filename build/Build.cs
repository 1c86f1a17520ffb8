using Slipway;
using Slipway.Workflows;

/// <summary>
/// The pipeline of this repository. Each target says what it needs and what it does; how it does it lives in
/// the partial files by concern (Build.DotNet.cs, Build.Docker.cs) and in src/.
/// </summary>
// ---- GitHub Actions workflows (.github/workflows, written by ./build.sh --generate-workflows) ----
[GitHubActions("ci", OnPushBranches = ["main"], OnPushTags = ["v*"], OnPullRequest = true,
    ConcurrencyGroup = "ci-${{ github.ref }}", ConcurrencyCancelInProgress = true,
    InvokedTargets = [nameof(Test)], TimeoutMinutes = 30, UploadArtifacts = ["test-results=artifacts/test-results"])]
[GitHubActions("deploy", OnPushBranches = ["main"],
    InvokedTargets = [nameof(Test), nameof(Publish)], TimeoutMinutes = 30,
    UploadArtifacts = ["test-results=artifacts/test-results", "publish=artifacts/publish"])]
[GitHubActionsJob("deploy", "deploy-staging", Needs = ["test-publish"], Environment = "staging",
    InvokedTargets = ["Deploy"], SkippedTargets = [nameof(Test), nameof(Publish)], Parameters = ["Environment=staging"],
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
// ---- end of workflows ----
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

    [Parameter("Repository name of the service image (tags: version and commit)")]
    readonly string ImageRepository = "slipway/api";

    [Parameter("Base image of the service image; default: the official ASP.NET image, or a local one when that cannot be pulled")]
    readonly string? BaseImage;

    [Parameter("Registry that DockerPush pushes to, as host[:port], e.g. 127.0.0.1:5000")]
    readonly string? Registry;

    [Parameter("User name for --registry")]
    readonly string? RegistryUsername;

    [Parameter("Password or token for --registry"), Secret]
    readonly string? RegistryPassword;

    Target DockerBuild => _ => _
        .Description("Build the service image from the publish output; image id and tags in artifacts/image.json")
        .DependsOn(Publish)
        .Executes(BuildImageAsync);

    Target DockerPush => _ => _
        .Description("Push the image to --registry and record its digest (read back from the registry) in artifacts/image.json")
        .DependsOn(DockerBuild)
        .Requires(() => Registry)
        .Executes(PushImageAsync);
}
