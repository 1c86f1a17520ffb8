namespace Slipway.Workflows.Model;

/// <summary>One workflow file, as the declarations describe it, before it becomes YAML.</summary>
internal sealed record Workflow(
    string Name,
    WorkflowTriggers Triggers,
    IReadOnlyList<Permission> Permissions,
    Concurrency? Concurrency,
    IReadOnlyList<WorkflowJob> Jobs)
{
    public string FileName => Name + ".yml";
}
