namespace Slipway.LocalCloud.Scheduling;

/// <summary>The scheduler's timings. Defaults suit a developer machine; ECS's own are noted where they differ.</summary>
internal sealed record SchedulerOptions
{
    /// <summary>How often tasks are observed and services reconciled (API calls also wake the loop at once).</summary>
    public TimeSpan TickInterval { get; init; } = TimeSpan.FromSeconds(1);

    /// <summary>
    /// A task without a container health check counts as healthy once it has been RUNNING this long (ECS waits 40 s
    /// without a load balancer). A task that stops before then has failed to start, for the circuit breaker too.
    /// </summary>
    public TimeSpan SettleTime { get; init; } = TimeSpan.FromSeconds(10);

    /// <summary>How long a draining task may finish its requests in flight before it is stopped.</summary>
    public TimeSpan DrainTimeout { get; init; } = TimeSpan.FromSeconds(15);

    /// <summary>SIGTERM to SIGKILL when the container definition sets no <c>stopTimeout</c> (ECS: 30 s).</summary>
    public TimeSpan DefaultStopTimeout { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>STOPPED tasks stay visible this long (ECS: at least 1 hour).</summary>
    public TimeSpan StoppedTaskRetention { get; init; } = TimeSpan.FromHours(1);

    /// <summary>The wait before the second launch after a failed one; doubles with each further failure in a row.</summary>
    public TimeSpan BackoffBase { get; init; } = TimeSpan.FromSeconds(5);

    /// <summary>The longest wait between launches of a failing deployment (ECS: 15–27 min).</summary>
    public TimeSpan BackoffMax { get; init; } = TimeSpan.FromMinutes(5);

    public TimeSpan Backoff(int consecutiveFailures)
    {
        if (consecutiveFailures <= 1)
        {
            return TimeSpan.Zero;
        }

        var factor = Math.Pow(2, Math.Min(consecutiveFailures - 2, 20));
        var wait = TimeSpan.FromTicks((long)Math.Min(BackoffBase.Ticks * factor, BackoffMax.Ticks));
        return wait;
    }
}
