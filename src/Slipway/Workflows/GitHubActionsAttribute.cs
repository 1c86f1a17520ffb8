namespace Slipway.Workflows;

/// <summary>
/// Declares a workflow written to <c>.github/workflows/&lt;name&gt;.yml</c> by <c>./build.sh --generate-workflows</c>,
/// as NUKE's attribute of the same name does. When <see cref="GitHubActionsJobSettingsAttribute.InvokedTargets"/>
/// is set, the workflow has a job of its own (id: <see cref="JobId"/>); more jobs come from
/// <see cref="GitHubActionsJobAttribute"/>.
/// </summary>
[AttributeUsage(AttributeTargets.Class, AllowMultiple = true)]
public sealed class GitHubActionsAttribute : GitHubActionsJobSettingsAttribute
{
    public GitHubActionsAttribute(string name)
    {
        Name = name;
    }

    /// <summary>The file name without <c>.yml</c>, and the workflow's name.</summary>
    public string Name { get; }

    /// <summary>Run on every push (to any branch or tag) unless branch, tag or path filters narrow it.</summary>
    public bool OnPush { get; set; }

    public string[] OnPushBranches { get; set; } = [];

    public string[] OnPushTags { get; set; } = [];

    public string[] OnPushPaths { get; set; } = [];

    public bool OnPullRequest { get; set; }

    public string[] OnPullRequestBranches { get; set; } = [];

    public string[] OnPullRequestPaths { get; set; } = [];

    /// <summary>Allow manual runs; inputs come from <see cref="GitHubActionsInputAttribute"/>.</summary>
    public bool OnWorkflowDispatch { get; set; }

    /// <summary>Cron expressions (UTC, five fields).</summary>
    public string[] OnCronSchedule { get; set; } = [];

    /// <summary>The workflow's default permissions as <c>scope: level</c>; jobs may widen them. Default:
    /// <c>contents: read</c>.</summary>
    public string[] Permissions { get; set; } = ["contents: read"];

    public string? ConcurrencyGroup { get; set; }

    public bool ConcurrencyCancelInProgress { get; set; }

    /// <summary>The id of the workflow's own job; default: the invoked targets in kebab case.</summary>
    public string? JobId { get; set; }
}
