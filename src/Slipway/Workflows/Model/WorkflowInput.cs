namespace Slipway.Workflows.Model;

/// <summary>A workflow_dispatch input: a string, or a choice when it has options.</summary>
internal sealed record WorkflowInput(string Name, string? Description, bool Required, string? Default, IReadOnlyList<string> Options)
{
    public bool IsChoice => Options.Count > 0;
}
