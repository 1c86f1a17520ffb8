using Slipway.Workflows;

namespace Slipway.Tests.Workflows;

/// <summary>A build that uses every part of the declaration API at once.</summary>
[GitHubActions("full",
    OnPushBranches = ["main", "release/*"], OnPushTags = ["v*"], OnPushPaths = ["src/**", "build/**"],
    OnPullRequestBranches = ["main"], OnPullRequestPaths = ["src/**"],
    OnWorkflowDispatch = true, OnCronSchedule = ["0 6 * * 1"],
    Permissions = ["contents: read"], ConcurrencyGroup = "full-${{ github.ref }}", ConcurrencyCancelInProgress = true,
    InvokedTargets = [nameof(Test), nameof(Publish)], TimeoutMinutes = 20,
    UploadArtifacts = ["test-results=artifacts/test-results", "publish=artifacts/publish"])]
[GitHubActionsJob("full", "deploy", Needs = ["test-publish"], Environment = "staging",
    InvokedTargets = [nameof(Deploy)], SkippedTargets = [nameof(Test), nameof(Publish)],
    Parameters = ["Environment=${{ inputs.environment }}", "ImageVersion=1.2.3"], ImportSecrets = ["RegistryPassword", "ApiToken=DEPLOY_TOKEN"],
    JobPermissions = ["contents: read", "id-token: write"], JobConcurrencyGroup = "environment-${{ inputs.environment }}", TimeoutMinutes = 15,
    DownloadArtifacts = ["publish=artifacts/publish"], UploadArtifacts = ["record=artifacts/deployments"])]
[GitHubActionsJob("full", "smoke", Needs = ["deploy"], InvokedTargets = [nameof(Smoke)], RunsOn = "ubuntu-22.04", JobName = "Smoke test")]
[GitHubActionsInput("full", "environment", Description = "Where to deploy", Required = true, Default = "staging",
    OptionsFromFiles = "env/*.json", ExcludedOptions = ["local"])]
[GitHubActionsInput("full", "note", Description = "Free text")]
[GitHubActionsUses("full", "deploy", "aws-actions/configure-aws-credentials@v4", Name = "AWS credentials",
    With = ["role-to-assume=@env/staging.json#awsRoleArn", "aws-region=@env/staging.json#region"])]
internal sealed class FullBuild : NukeBuild
{
    [Parameter("Where to deploy")]
    string? Environment { get; init; }

    [Parameter("Version to deploy")]
    string? ImageVersion { get; init; }

    [Parameter("Registry password"), Secret]
    string? RegistryPassword { get; init; }

    [Parameter("API token"), Secret]
    string? ApiToken { get; init; }

    Target Test => _ => _.Executes(() => { });

    Target Publish => _ => _.Executes(() => { });

    Target Deploy => _ => _.Executes(() => { });

    Target Smoke => _ => _.Executes(() => { });
}

/// <summary>The smallest workflow: one job on pull requests.</summary>
[GitHubActions("ci", OnPullRequest = true, InvokedTargets = [nameof(Test)])]
internal sealed class CiBuild : NukeBuild
{
    public bool Ran { get; private set; }

    Target Test => _ => _.Executes(() => Ran = true);
}

/// <summary><see cref="CiBuild"/> after someone changed its declaration without regenerating.</summary>
[GitHubActions("ci", OnPullRequest = true, InvokedTargets = [nameof(Test)], TimeoutMinutes = 10)]
internal sealed class ChangedCiBuild : NukeBuild
{
    public bool Ran { get; private set; }

    Target Test => _ => _.Executes(() => Ran = true);
}

/// <summary>A build that declares no workflow.</summary>
internal sealed class PlainBuild : NukeBuild
{
    Target Test => _ => _.Executes(() => { });
}
