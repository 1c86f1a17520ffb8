namespace Slipway.LocalCloud.Runtime;

/// <summary>
/// Runs the containers of ECS tasks on this machine. The local cloud's control plane decides what runs
/// (deployments, counts, health, circuit breaker); this only starts, observes and stops containers.
/// </summary>
public interface ITaskRuntime
{
    /// <summary>
    /// Creates and starts every container of the task (images are pulled when missing), with host networking.
    /// Throws <see cref="TaskStartException"/> when a container cannot be created or started.
    /// </summary>
    Task StartAsync(TaskLaunch launch, CancellationToken cancellationToken);

    /// <summary>The current state of every container of the task, read from the engine.</summary>
    Task<TaskObservation> ObserveAsync(string taskId, CancellationToken cancellationToken);

    /// <summary>
    /// Stops the task's containers (SIGTERM, SIGKILL after <paramref name="stopTimeout"/>), removes them, and
    /// returns their final state (exit codes).
    /// </summary>
    Task<TaskObservation> StopAsync(string taskId, TimeSpan stopTimeout, CancellationToken cancellationToken);

    /// <summary>Ids of the tasks whose containers exist in this runtime's scope (to find them again after a restart).</summary>
    Task<IReadOnlyList<string>> ListTaskIdsAsync(CancellationToken cancellationToken);
}
