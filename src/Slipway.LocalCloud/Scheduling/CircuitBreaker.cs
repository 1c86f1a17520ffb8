using Slipway.LocalCloud.State;

namespace Slipway.LocalCloud.Scheduling;

/// <summary>The deployment circuit breaker (ecs-behaviour.md §2): threshold, and the trip with its optional rollback.</summary>
internal static class CircuitBreaker
{
    /// <summary>0.5 × desired count, rounded up, clamped to [3, 200] (the current API reference).</summary>
    public static int Threshold(int desiredCount) => Math.Clamp((int)Math.Ceiling(desiredCount * 0.5), 3, 200);

    public static bool IsEnabled(ServiceRecord service) => service.DeploymentConfiguration.DeploymentCircuitBreaker?.Enable == true;

    /// <summary>
    /// Fails the PRIMARY deployment. With rollback and an earlier deployment that completed, that one becomes
    /// PRIMARY again (same id and createdAt) and the service's task definition reverts. Returns the tasks to stop.
    /// </summary>
    public static IReadOnlyList<TaskRecord> Trip(ServiceRecord service, DeploymentRecord failed, IEnumerable<TaskRecord> liveTasksOfService, DateTime now)
    {
        failed.RolloutState = "FAILED";
        failed.RolloutStateReason = EventMessages.RolloutFailed;
        failed.UpdatedAt = now;
        ServiceEvents.Add(service, EventMessages.DeploymentFailed(service.Name, failed.Id), now);

        var rollback = service.DeploymentConfiguration.DeploymentCircuitBreaker?.Rollback == true;
        var target = service.Deployments.FirstOrDefault(d => d != failed && d.EverCompleted);
        if (!rollback || target is null)
        {
            return [];
        }

        service.Deployments.Remove(target);
        service.Deployments.Insert(0, target);
        target.Status = "PRIMARY";
        target.RolloutState = "IN_PROGRESS";
        target.RolloutStateReason = EventMessages.RolloutRollingBack(target.Id);
        target.UpdatedAt = now;
        target.FailedTasks = 0;
        target.ConsecutiveFailures = 0;
        target.NextLaunchAt = null;
        failed.Status = "ACTIVE";
        failed.DesiredCount = 0;
        service.TaskDefinitionArn = target.TaskDefinitionArn;
        service.Steady = false;
        ServiceEvents.Add(service, EventMessages.RollingBack(service.Name, target.Id), now);

        var pending = liveTasksOfService.Where(t => t.DeploymentId == failed.Id && t.IsPending).ToList();
        foreach (var task in pending)
        {
            TaskRecords.RequestStop(task, "ServiceSchedulerInitiated", $"Scaling activity initiated by (deployment {target.Id})", now);
        }

        if (pending.Count > 0)
        {
            ServiceEvents.Add(service, EventMessages.StoppedPendingTasks(service.Name, pending.Count), now);
        }

        return pending;
    }
}
