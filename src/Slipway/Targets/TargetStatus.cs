namespace Slipway;

internal enum TargetStatus
{
    /// <summary>Planned, not reached (a dependency failed, the build stopped, or it was never run).</summary>
    NotRun,
    Skipped,
    Succeeded,
    Failed,
    /// <summary>Running when the build was cancelled.</summary>
    Aborted,
}
