namespace Slipway.Workflows.Model;

/// <summary>The <c>on:</c> section: each trigger is absent (null) or present with its filters.</summary>
internal sealed record WorkflowTriggers(
    RefFilter? Push,
    RefFilter? PullRequest,
    IReadOnlyList<WorkflowInput>? WorkflowDispatch,
    IReadOnlyList<string> Schedules)
{
    public bool IsEmpty => Push is null && PullRequest is null && WorkflowDispatch is null && Schedules.Count == 0;
}

/// <summary>Branch, tag and path filters of a push or pull_request trigger; empty lists mean no filter.</summary>
internal sealed record RefFilter(IReadOnlyList<string> Branches, IReadOnlyList<string> Tags, IReadOnlyList<string> Paths);
