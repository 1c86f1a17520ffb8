namespace Slipway.Workflows;

/// <summary>
/// A marketplace action a job runs before the build, e.g. <c>aws-actions/configure-aws-credentials@v4</c>.
/// A <see cref="With"/> value <c>@path/file.json#field</c> is read from that JSON file when the workflow is
/// generated, so the workflow follows the repository's own configuration; a missing file or field leaves a
/// placeholder that names both (and a warning).
/// </summary>
[AttributeUsage(AttributeTargets.Class, AllowMultiple = true)]
public sealed class GitHubActionsUsesAttribute : Attribute
{
    public GitHubActionsUsesAttribute(string workflow, string job, string action)
    {
        Workflow = workflow;
        Job = job;
        Action = action;
    }

    public string Workflow { get; }

    public string Job { get; }

    /// <summary><c>owner/repository@ref</c>.</summary>
    public string Action { get; }

    /// <summary>The step's display name.</summary>
    public string? Name { get; set; }

    /// <summary>Inputs as <c>key=value</c>.</summary>
    public string[] With { get; set; } = [];
}
