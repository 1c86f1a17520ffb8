using Slipway.LocalCloud.Ecs;
using Slipway.LocalCloud.State;

namespace Slipway.LocalCloud.Scheduling;

/// <summary>
/// One pass of ECS's rolling update over a service (ecs-behaviour.md §1): start tasks of the PRIMARY deployment up to
/// the desired count within <c>maximumPercent</c>, stop tasks of older deployments while at least
/// <c>minimumHealthyPercent</c> stay healthy, retire drained deployments, and mark the rollout COMPLETED with the
/// events ECS writes. Only changes the state; the scheduler launches and stops what this decided.
/// </summary>
internal sealed class ServiceReconciler(CloudIdentity identity)
{
    public void Reconcile(CloudState state, ServiceRecord service, DateTime now)
    {
        if (service.Status == "DRAINING")
        {
            Drain(state, service, now);
            return;
        }

        if (service.Status != "ACTIVE" || service.Primary is not { } primary)
        {
            return;
        }

        var desired = service.DesiredCount;
        var minimumHealthy = (int)Math.Ceiling(desired * (service.DeploymentConfiguration.MinimumHealthyPercent ?? 100) / 100.0);
        var maximumTotal = (int)Math.Floor(desired * (service.DeploymentConfiguration.MaximumPercent ?? 200) / 100.0);
        var live = LiveTasks(state, service);
        var frozen = primary.RolloutState == "FAILED";

        if (!frozen && primary.DesiredCount != desired)
        {
            primary.DesiredCount = desired;
            primary.UpdatedAt = now;
        }

        var stopped = new List<TaskRecord>();
        if (!frozen)
        {
            stopped.AddRange(ScaleIn(primary, live, desired, now));
            live = LiveTasks(state, service);
        }

        if (!frozen)
        {
            stopped.AddRange(StopOldTasks(service, primary, live, minimumHealthy, now));
            live = LiveTasks(state, service);
        }

        var started = frozen ? [] : StartTasks(state, service, primary, live, desired, maximumTotal, now);
        AnnounceStops(service, stopped, now);
        if (!frozen && started.Count == 0 && stopped.Count == 0 && IsBlocked(state, service, primary, desired, maximumTotal, minimumHealthy))
        {
            ServiceEvents.Add(service, EventMessages.BlockedByDeploymentConfiguration(service.Name), now);
        }

        RetireDrainedDeployments(state, service, primary);
        Complete(state, service, primary, now);
        MarkSteady(state, service, now);
    }

    /// <summary>A deleted service: every task stops; once none is left the service is INACTIVE.</summary>
    private static void Drain(CloudState state, ServiceRecord service, DateTime now)
    {
        var live = LiveTasks(state, service);
        foreach (var task in live)
        {
            TaskRecords.RequestStop(task, "ServiceSchedulerInitiated", "Service was deleted", now);
        }

        AnnounceStops(service, live, now);
        if (!state.Tasks.Values.Any(t => t.ServiceArn == service.Arn && !t.IsStopped))
        {
            service.Status = "INACTIVE";
            foreach (var deployment in service.Deployments)
            {
                deployment.DesiredCount = 0;
            }
        }
    }

    private static List<TaskRecord> LiveTasks(CloudState state, ServiceRecord service)
        => [.. state.Tasks.Values.Where(t => t.ServiceArn == service.Arn && t.IsLive).OrderBy(t => t.CreatedAt).ThenBy(t => t.Id, StringComparer.Ordinal)];

    private static bool HasUnstoppedTasks(CloudState state, DeploymentRecord deployment)
        => state.Tasks.Values.Any(t => t.DeploymentId == deployment.Id && !t.IsStopped);

    /// <summary>The desired count went down: stop the PRIMARY's surplus, pending ones first, then the newest.</summary>
    private static List<TaskRecord> ScaleIn(DeploymentRecord primary, List<TaskRecord> live, int desired, DateTime now)
    {
        var mine = live.Where(t => t.DeploymentId == primary.Id).ToList();
        var surplus = mine.Count - desired;
        if (surplus <= 0)
        {
            return [];
        }

        var victims = mine.OrderBy(t => TaskObservations.IsHealthy(t)).ThenByDescending(t => t.CreatedAt).Take(surplus).ToList();
        foreach (var task in victims)
        {
            TaskRecords.RequestStop(task, "ServiceSchedulerInitiated", $"Scaling activity initiated by (deployment {primary.Id})", now);
        }

        return victims;
    }

    /// <summary>Stops tasks of older deployments: unhealthy ones at once, healthy ones only above the lower bound.</summary>
    private static List<TaskRecord> StopOldTasks(ServiceRecord service, DeploymentRecord primary, List<TaskRecord> live, int minimumHealthy, DateTime now)
    {
        var old = live.Where(t => t.DeploymentId != primary.Id).ToList();
        if (old.Count == 0)
        {
            return [];
        }

        var margin = live.Count(TaskObservations.IsHealthy) - minimumHealthy;
        var order = service.Deployments.Select(d => d.Id).ToList();
        var stopped = new List<TaskRecord>();
        // Unhealthy and pending first (stopping them costs no capacity), oldest deployment first.
        foreach (var task in old.OrderBy(TaskObservations.IsHealthy).ThenByDescending(t => order.IndexOf(t.DeploymentId ?? "")))
        {
            if (TaskObservations.IsHealthy(task))
            {
                if (margin <= 0)
                {
                    continue;
                }

                margin--;
            }

            TaskRecords.RequestStop(task, "ServiceSchedulerInitiated", $"Scaling activity initiated by (deployment {primary.Id})", now);
            stopped.Add(task);
        }

        foreach (var deployment in service.Deployments.Skip(1))
        {
            var remaining = live.Count(t => t.DeploymentId == deployment.Id && t.IsLive);
            if (deployment.DesiredCount != remaining)
            {
                deployment.DesiredCount = remaining;
                deployment.UpdatedAt = now;
            }
        }

        return stopped;
    }

    private List<TaskRecord> StartTasks(CloudState state, ServiceRecord service, DeploymentRecord primary, List<TaskRecord> live, int desired, int maximumTotal, DateTime now)
    {
        var missing = desired - live.Count(t => t.DeploymentId == primary.Id);
        var room = maximumTotal - live.Count;
        var count = Math.Min(missing, room);
        if (count <= 0 || (primary.NextLaunchAt is { } notBefore && now < notBefore))
        {
            return [];
        }

        var definition = TaskDefinitionOperations.Find(state, primary.TaskDefinitionArn, activeOnly: false)?.Definition;
        var cluster = state.Clusters.GetValueOrDefault(service.ClusterName);
        if (definition is null || cluster is null)
        {
            return [];
        }

        var started = new List<TaskRecord>();
        for (var i = 0; i < count; i++)
        {
            var task = TaskRecords.Create(identity, cluster, definition, now, $"service:{service.Name}", primary.Id, service.LaunchType, serviceArn: service.Arn, deploymentId: primary.Id);
            state.Tasks[task.Id] = task;
            started.Add(task);
        }

        var replaced = Math.Min(service.UnhealthyReplacementsPending, started.Count);
        service.UnhealthyReplacementsPending -= replaced;
        service.Steady = false;
        ServiceEvents.Add(service, EventMessages.StartedTasks(service.Name, [.. started.Select(t => t.Id)], replaced), now);
        return started;
    }

    private static void AnnounceStops(ServiceRecord service, List<TaskRecord> stopped, DateTime now)
    {
        var running = stopped.Where(t => t.LastStatus == TaskStatuses.Running).ToList();
        var pending = stopped.Count - running.Count;
        if (pending > 0)
        {
            ServiceEvents.Add(service, EventMessages.StoppedPendingTasks(service.Name, pending), now);
        }

        if (running.Count > 0)
        {
            ServiceEvents.Add(service, EventMessages.StoppedRunningTasks(service.Name, [.. running.Select(t => t.Id)]), now);
        }

        foreach (var group in running.Where(t => t.Routed).GroupBy(t => t.DeploymentId ?? ""))
        {
            ServiceEvents.Add(service, EventMessages.BegunDraining(service.Name, group.Key, group.Count()), now);
            if (service.LoadBalancers.FirstOrDefault(l => l.TargetGroupArn is not null)?.TargetGroupArn is { } targetGroup)
            {
                ServiceEvents.Add(service, EventMessages.DeregisteredTargets(service.Name, group.Count(), targetGroup), now);
            }
        }
    }

    /// <summary>Nothing can start and nothing may stop, though the PRIMARY lacks tasks: the configuration forbids progress.</summary>
    private static bool IsBlocked(CloudState state, ServiceRecord service, DeploymentRecord primary, int desired, int maximumTotal, int minimumHealthy)
    {
        var all = state.Tasks.Values.Where(t => t.ServiceArn == service.Arn && !t.IsStopped).ToList();
        var live = all.Where(t => t.IsLive).ToList();
        var missing = desired - live.Count(t => t.DeploymentId == primary.Id);
        return missing > 0
            && live.Count >= maximumTotal
            && all.All(t => t.IsLive && !t.IsPending)
            && live.Count(TaskObservations.IsHealthy) <= minimumHealthy
            && live.Any(t => t.DeploymentId != primary.Id);
    }

    /// <summary>
    /// Older deployments leave the list once they have no task left, except the one a rollback would return to
    /// while the PRIMARY is still in progress.
    /// </summary>
    private static void RetireDrainedDeployments(CloudState state, ServiceRecord service, DeploymentRecord primary)
    {
        var rollbackTarget = primary.RolloutState == "IN_PROGRESS" && !primary.EverCompleted
            ? service.Deployments.Skip(1).FirstOrDefault(d => d.EverCompleted)
            : null;
        var keepAll = primary.RolloutState == "FAILED";
        service.Deployments.RemoveAll(d => d != primary && d != rollbackTarget && !keepAll && !HasUnstoppedTasks(state, d));
    }

    private static void Complete(CloudState state, ServiceRecord service, DeploymentRecord primary, DateTime now)
    {
        if (primary.RolloutState != "IN_PROGRESS")
        {
            return;
        }

        var mine = state.Tasks.Values.Where(t => t.DeploymentId == primary.Id && t.IsLive).ToList();
        var olderGone = service.Deployments.Skip(1).All(d => !HasUnstoppedTasks(state, d));
        if (!olderGone || mine.Count != service.DesiredCount || mine.Count(TaskObservations.IsHealthy) < service.DesiredCount)
        {
            return;
        }

        service.Deployments.RemoveAll(d => d != primary);
        primary.RolloutState = "COMPLETED";
        primary.RolloutStateReason = EventMessages.RolloutCompleted(primary.Id);
        primary.EverCompleted = true;
        primary.FailedTasks = 0;
        primary.UpdatedAt = now;
        ServiceEvents.Add(service, EventMessages.DeploymentCompleted(service.Name, primary.Id), now);
    }

    /// <summary>"has reached a steady state": once per steady stretch, and again every 6 hours while it lasts.</summary>
    private static void MarkSteady(CloudState state, ServiceRecord service, DateTime now)
    {
        var primary = service.Primary!;
        var mine = state.Tasks.Values.Where(t => t.ServiceArn == service.Arn && t.IsLive).ToList();
        var steady = service.Deployments.Count == 1
            && primary.RolloutState == "COMPLETED"
            && mine.Count == service.DesiredCount
            && mine.All(t => t.IsRunning);
        if (steady && (!service.Steady || service.LastSteadyEventAt is null || now - service.LastSteadyEventAt >= ServiceEvents.RepeatAfter))
        {
            ServiceEvents.Add(service, EventMessages.SteadyState(service.Name), now);
            service.LastSteadyEventAt = now;
        }

        service.Steady = steady;
    }
}
