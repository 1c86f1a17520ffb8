namespace Slipway.Workflows;

/// <summary>A further job of the workflow <c>workflow</c>, for workflows of several jobs chained by <c>Needs</c>.</summary>
[AttributeUsage(AttributeTargets.Class, AllowMultiple = true)]
public sealed class GitHubActionsJobAttribute : GitHubActionsJobSettingsAttribute
{
    public GitHubActionsJobAttribute(string workflow, string id)
    {
        Workflow = workflow;
        Id = id;
    }

    public string Workflow { get; }

    public string Id { get; }
}
