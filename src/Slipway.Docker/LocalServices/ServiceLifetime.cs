namespace Slipway.Docker;

/// <summary>How long a local service (engine, registry) lives.</summary>
public enum ServiceLifetime
{
    /// <summary>For tests: a free port, temporary state, stopped and deleted on dispose.</summary>
    ThrowAway,

    /// <summary>
    /// For the local environment: a fixed port, state on disk, started detached with a pid file; it outlives the
    /// build, and the next build finds it running instead of starting another.
    /// </summary>
    KeepRunning,
}
