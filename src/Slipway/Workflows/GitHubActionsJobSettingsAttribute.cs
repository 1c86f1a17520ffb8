namespace Slipway.Workflows;

/// <summary>
/// What one job of a generated GitHub Actions workflow runs: the targets, the parameters and secrets it passes
/// (as <c>SLIPWAY_*</c> variables, so no value is ever spliced into a shell line), where it runs and what it
/// hands to other jobs.
/// </summary>
public abstract class GitHubActionsJobSettingsAttribute : Attribute
{
    /// <summary>Targets the job runs: <c>./build.sh Test Publish</c>. Use <c>nameof</c> where the target exists.</summary>
    public string[] InvokedTargets { get; set; } = [];

    /// <summary>Targets skipped because an earlier job did them: <c>--skip Test</c>.</summary>
    public string[] SkippedTargets { get; set; } = [];

    /// <summary><c>Name=value</c> pairs for build parameters; the value may be an expression such as
    /// <c>${{ inputs.version }}</c>.</summary>
    public string[] Parameters { get; set; } = [];

    /// <summary>Secret parameters read from repository or environment secrets: <c>RegistryPassword</c> reads
    /// <c>secrets.REGISTRY_PASSWORD</c>; <c>RegistryPassword=AWS_TOKEN</c> names the secret.</summary>
    public string[] ImportSecrets { get; set; } = [];

    /// <summary>The job's permissions as <c>scope: level</c>, e.g. <c>id-token: write</c>.</summary>
    public string[] JobPermissions { get; set; } = [];

    /// <summary>The GitHub environment (approvals, secrets, protection rules) the job runs in.</summary>
    public string? Environment { get; set; }

    /// <summary>Jobs of the same workflow that must succeed first.</summary>
    public string[] Needs { get; set; } = [];

    /// <summary>Minutes before GitHub cancels the job; 0 keeps GitHub's default of 360.</summary>
    public int TimeoutMinutes { get; set; }

    /// <summary>A concurrency group for the job alone; runs of the group queue one after the other.</summary>
    public string? JobConcurrencyGroup { get; set; }

    public bool JobConcurrencyCancelInProgress { get; set; }

    /// <summary>Artifacts uploaded after the build as <c>name=path</c> (the path relative to the repository).</summary>
    public string[] UploadArtifacts { get; set; } = [];

    /// <summary>Artifacts of earlier jobs downloaded before the build as <c>name=path</c>.</summary>
    public string[] DownloadArtifacts { get; set; } = [];

    /// <summary>The runner label.</summary>
    public string RunsOn { get; set; } = "ubuntu-24.04";

    /// <summary>The job's display name; default: its targets.</summary>
    public string? JobName { get; set; }
}
