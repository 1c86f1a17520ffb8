namespace Slipway.Workflows.Model;

/// <summary>
/// A job: check out, set up .NET, restore the NuGet cache, download artifacts, run the declared actions, run the
/// build with its targets, upload artifacts.
/// </summary>
internal sealed record WorkflowJob(
    string Id,
    string Name,
    string RunsOn,
    IReadOnlyList<string> Needs,
    string? Environment,
    IReadOnlyList<Permission> Permissions,
    Concurrency? Concurrency,
    int TimeoutMinutes,
    IReadOnlyList<string> Targets,
    IReadOnlyList<string> SkippedTargets,
    IReadOnlyList<KeyValuePair<string, string>> Variables,
    IReadOnlyList<ActionStep> Actions,
    IReadOnlyList<Artifact> Downloads,
    IReadOnlyList<Artifact> Uploads)
{
    /// <summary>The build's command line; parameters travel as variables, never on it.</summary>
    public string Command =>
        "./build.sh " + string.Join(' ', Targets)
        + (SkippedTargets.Count > 0 ? " --skip " + string.Join(' ', SkippedTargets) : string.Empty);
}

/// <summary>A marketplace action run before the build.</summary>
internal sealed record ActionStep(string Name, string Uses, IReadOnlyList<KeyValuePair<string, string>> With);

/// <summary>An artifact by name and the repository path it is uploaded from or downloaded to.</summary>
internal sealed record Artifact(string Name, string Path);
