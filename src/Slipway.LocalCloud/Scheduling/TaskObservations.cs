using Slipway.LocalCloud.Runtime;
using Slipway.LocalCloud.State;

namespace Slipway.LocalCloud.Scheduling;

/// <summary>
/// Folds what the engine says about a task's containers into the task, as ECS's agent would: container states
/// and exit codes, the task's health from its essential containers, RUNNING once every essential container runs,
/// and a stop when an essential container exits (ecs-behaviour.md §4).
/// </summary>
internal static class TaskObservations
{
    public enum Outcome
    {
        Unchanged,
        Changed,
        EssentialContainerExited,
        Unhealthy,
    }

    public static Outcome Apply(TaskRecord task, TaskObservation observation, DateTime now, TimeSpan settleTime, TimeSpan healthGrace)
    {
        if (observation.Containers.Count == 0 && task.IsLive)
        {
            // The engine has none of its containers any more (removed behind the local cloud's back).
            TaskRecords.RequestStop(task, "EssentialContainerExited", "Task stopped: its containers were removed outside the local cloud", now, failed: task.HealthySince is null);
            return Outcome.EssentialContainerExited;
        }

        var changed = false;
        foreach (var seen in observation.Containers)
        {
            var container = task.Containers.FirstOrDefault(c => c.Name == seen.Name);
            if (container is null)
            {
                continue;
            }

            var health = container.HasHealthCheck ? seen.HealthStatus : "UNKNOWN";
            if (container.LastStatus != seen.LastStatus || container.ExitCode != seen.ExitCode || container.HealthStatus != health
                || container.Reason != seen.Reason || container.RuntimeId != (seen.RuntimeId ?? container.RuntimeId))
            {
                container.LastStatus = seen.LastStatus;
                container.ExitCode = seen.ExitCode;
                container.HealthStatus = health;
                container.Reason = seen.Reason;
                container.RuntimeId = seen.RuntimeId ?? container.RuntimeId;
                changed = true;
            }
        }

        var essentials = task.Containers.Where(c => c.Essential).ToList();
        var taskHealth = essentials.Any(c => c.HealthStatus == "UNHEALTHY") ? "UNHEALTHY"
            : essentials.Any(c => c.HealthStatus == "UNKNOWN") ? "UNKNOWN"
            : "HEALTHY";
        if (task.HealthStatus != taskHealth)
        {
            task.HealthStatus = taskHealth;
            changed = true;
        }

        if (!task.IsLive)
        {
            return Finish(task, changed);
        }

        if (essentials.Any(c => c.LastStatus == TaskStatuses.Stopped))
        {
            // Before the task settled, an exit means it failed to start (the circuit breaker counts it).
            TaskRecords.RequestStop(task, "EssentialContainerExited", "Essential container in task exited", now, failed: task.HealthySince is null);
            return Outcome.EssentialContainerExited;
        }

        if (task.LastStatus != TaskStatuses.Running && essentials.All(c => c.LastStatus == TaskStatuses.Running))
        {
            task.LastStatus = TaskStatuses.Running;
            var started = observation.Containers.Where(c => c.StartedAt is not null).Select(c => c.StartedAt!.Value.UtcDateTime).DefaultIfEmpty(now).Max();
            task.StartedAt = started > now ? now : started;
            changed = true;
        }

        if (task.LastStatus == TaskStatuses.Running && task.HealthySince is null)
        {
            var checkedHealth = essentials.Any(c => c.HasHealthCheck);
            if ((checkedHealth && taskHealth == "HEALTHY") || (!checkedHealth && now - task.StartedAt >= settleTime && (!task.Publishes || task.ListeningSince is not null)))
            {
                task.HealthySince = now;
                changed = true;
            }
        }

        if (taskHealth == "UNHEALTHY" && task.ServiceArn is not null && now - (task.StartedAt ?? now) >= healthGrace)
        {
            TaskRecords.RequestStop(task, "ServiceSchedulerInitiated", "Task failed container health checks", now, failed: true);
            return Outcome.Unhealthy;
        }

        return Finish(task, changed);
    }

    /// <summary>Healthy for the lower bound of a rolling update and for the circuit breaker: settled, still running.</summary>
    public static bool IsHealthy(TaskRecord task) => task.IsRunning && task.HealthySince is not null;

    /// <summary>May receive requests: RUNNING, and HEALTHY when a container has a health check, else accepting connections on its port.</summary>
    public static bool IsRoutable(TaskRecord task)
        => task.IsRunning && (HasHealthCheck(task) ? task.HealthStatus == "HEALTHY" : !task.Publishes || task.ListeningSince is not null);

    public static bool HasHealthCheck(TaskRecord task) => task.Containers.Any(c => c.Essential && c.HasHealthCheck);

    private static Outcome Finish(TaskRecord task, bool changed)
    {
        if (changed)
        {
            task.Touch();
        }

        return changed ? Outcome.Changed : Outcome.Unchanged;
    }
}
