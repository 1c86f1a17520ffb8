namespace Slipway.Aws.Deployment.Watching;

/// <summary>What <c>--wait</c> waits for.</summary>
public enum WaitMode
{
    /// <summary>Nothing: the deploy ends once ECS accepted the change.</summary>
    None,

    /// <summary>Our deployment is PRIMARY and COMPLETED (the default).</summary>
    Deployed,

    /// <summary>As <see cref="Deployed"/>, and the service has settled: one deployment, running count at desired.</summary>
    Stable,
}

/// <summary>How the watcher waits.</summary>
public sealed record WatchOptions
{
    public WaitMode Mode { get; init; } = WaitMode.Deployed;

    /// <summary>
    /// <c>--deploy-timeout</c>: how long the deployment may take before the deploy gives up on it; after a rollback, the
    /// rollback gets as long again to complete before the deploy reports what the service runs.
    /// </summary>
    public TimeSpan Timeout { get; init; } = TimeSpan.FromMinutes(10);

    /// <summary>Between two looks at the service: short enough to stream events as they come.</summary>
    public TimeSpan PollInterval { get; init; } = TimeSpan.FromSeconds(5);

    /// <summary>Tasks of our deployment that stop for the same reason this many times fail the deploy at once.</summary>
    public int SameReasonStops { get; init; } = 2;

    /// <summary>Whether a fail-fast stop rolls the service back to the task definition it ran before.</summary>
    public bool RollbackOnFailFast { get; init; } = true;
}
