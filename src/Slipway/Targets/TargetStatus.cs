namespace Slipway;

internal enum TargetStatus
{
    /// <summary>Planned, not reached (a dependency failed, the build stopped, or it was never run).</summary>
    NotRun,
    Skipped,
    Succeeded,
    /// <summary>Not run: its inputs and outputs are as they were after its last successful run.</summary>
    UpToDate,
    Failed,
    /// <summary>Running when the build was cancelled.</summary>
    Aborted,
}
