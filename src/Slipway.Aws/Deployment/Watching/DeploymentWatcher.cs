using Slipway.Aws.Deployment.Services;
using Slipway.Aws.Ecs;
using Slipway.Aws.Ecs.Model;
using EcsDeployment = Slipway.Aws.Ecs.Model.Deployment;
using Task = System.Threading.Tasks.Task;

namespace Slipway.Aws.Deployment.Watching;

/// <summary>
/// Waits for <em>our</em> deployment, as the ECS documentation describes a rolling update: success when the deployment
/// whose id the CreateService/UpdateService response named is PRIMARY and COMPLETED; failure when it is FAILED, or has
/// been replaced (the circuit breaker re-promotes the previous deployment) or vanished. While waiting it streams the
/// service's new events and the counts. When our tasks stop repeatedly for the same reason it stops waiting, reports
/// the reason and rolls back to the previous task definition. A timeout is its own exception.
/// </summary>
public sealed class DeploymentWatcher(IAmazonECS ecs, TimeProvider time, IDeploymentObserver observer)
{
    private static readonly TimeSpan MaxBackoff = TimeSpan.FromMinutes(1);

    /// <returns>The service as it was when our deployment succeeded.</returns>
    /// <exception cref="DeploymentFailedException">Our deployment failed, was rolled back or replaced, or failed fast.</exception>
    /// <exception cref="DeploymentTimeoutException">The timeout ran out first.</exception>
    public async Task<Service> WatchAsync(ServiceDeployment target, WatchOptions options, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(target);
        ArgumentNullException.ThrowIfNull(options);
        var started = time.GetTimestamp();
        var seenEvents = new HashSet<string>(target.EarlierEventIds, StringComparer.Ordinal);
        var stopped = new StoppedTaskTracker(ecs, target.Cluster, target.Service, observer.Note);
        var deploymentId = target.DeploymentId;
        var delay = options.PollInterval;
        Service? last = null;
        while (true)
        {
            cancellationToken.ThrowIfCancellationRequested();
            try
            {
                var service = await DescribeAsync(target, cancellationToken);
                last = service;
                Stream(service, seenEvents);
                deploymentId ??= Adopt(service, target);
                var ours = service.Deployments?.FirstOrDefault(d => d.Id == deploymentId);
                if (ours is not null)
                {
                    observer.Progress(new DeploymentProgress(ServiceDeployments.Describe(ours), [.. Others(service, ours)], time.GetElapsedTime(started)));
                }

                if (Verdict(service, ours, deploymentId, target, options) is { } done)
                {
                    return done;
                }

                if (ours?.RolloutState == DeploymentRolloutState.InProgress || ours is { RolloutState: null })
                {
                    var repeated = await stopped.RepeatedReasonAsync(deploymentId!, options.SameReasonStops, cancellationToken);
                    if (repeated is not null)
                    {
                        await FailFastAsync(target, ours, repeated, options, cancellationToken);
                    }
                }

                delay = options.PollInterval;
            }
            catch (AwsServiceException e) when (e is ThrottlingException or ServerException || (int)e.StatusCode >= 500)
            {
                // The client already retried; the deployment goes on regardless, so look again later, more slowly.
                delay = TimeSpan.FromTicks(Math.Min(MaxBackoff.Ticks, delay.Ticks * 2));
                observer.Note($"ECS DescribeServices was throttled or failed ({e.ErrorCode}); looking again in {delay.TotalSeconds:0} s");
            }

            var left = options.Timeout - time.GetElapsedTime(started);
            if (left <= TimeSpan.Zero)
            {
                throw Timeout(target, last, deploymentId, options);
            }

            await Task.Delay(delay < left ? delay : left, time, cancellationToken);
        }
    }

    private async Task<Service> DescribeAsync(ServiceDeployment target, CancellationToken cancellationToken)
    {
        var described = await ecs.DescribeServicesAsync(new DescribeServicesRequest { Cluster = target.Cluster, Services = [target.Service] }, cancellationToken);
        var service = described.Services?.FirstOrDefault();
        if (service is null || service.Status is "INACTIVE" or "DRAINING")
        {
            throw new DeploymentFailedException(
                $"The service '{target.Service}' in cluster '{target.Cluster}' is {(service?.Status ?? "missing")}: it was deleted while deploying.", DeploymentFailure.Failed);
        }

        return service;
    }

    private void Stream(Service service, HashSet<string> seen)
    {
        // ECS lists the newest first; a log reads oldest first.
        foreach (var serviceEvent in (service.Events ?? []).Reverse())
        {
            if (serviceEvent.Id is { } id && seen.Add(id))
            {
                observer.ServiceEvent(serviceEvent);
            }
        }
    }

    /// <summary>When the response named no deployment, ours is the PRIMARY running our task definition, created after we asked.</summary>
    private static string? Adopt(Service service, ServiceDeployment target) =>
        service.Deployments?.FirstOrDefault(d => d.Status == ServiceDeployments.Primary
            && ServiceDeployments.SameTaskDefinition(d.TaskDefinition, target.TaskDefinitionArn)
            && d.CreatedAt is { } created && created >= target.RequestedAt.UtcDateTime.AddSeconds(-5))?.Id;

    private static IEnumerable<string> Others(Service service, EcsDeployment ours) =>
        (service.Deployments ?? []).Where(d => d.Id != ours.Id).Select(ServiceDeployments.Describe);

    private static Service? Verdict(Service service, EcsDeployment? ours, string? deploymentId, ServiceDeployment target, WatchOptions options)
    {
        if (ours is null)
        {
            if (deploymentId is null)
            {
                return null; // not started yet (or an emulator that never starts one): keep waiting, the timeout decides
            }

            var primary = ServiceDeployments.PrimaryOf(service);
            throw new DeploymentFailedException(
                $"Our deployment {deploymentId} is gone from service '{service.ServiceName}'" + Replacement(primary, target), DeploymentFailure.RolledBack);
        }

        if (ours.RolloutState == DeploymentRolloutState.Failed)
        {
            var primary = ServiceDeployments.PrimaryOf(service);
            var rolledBack = primary is not null && primary.Id != ours.Id;
            throw new DeploymentFailedException(
                $"Our deployment {ours.Id} FAILED: {ours.RolloutStateReason ?? "no reason given"}" + (rolledBack ? Replacement(primary, target) : ". ECS did not roll back (no earlier completed deployment)."),
                rolledBack ? DeploymentFailure.RolledBack : DeploymentFailure.Failed);
        }

        if (ours.Status != ServiceDeployments.Primary)
        {
            throw new DeploymentFailedException(
                $"Our deployment {ours.Id} is no longer PRIMARY (it is {ours.Status})" + Replacement(ServiceDeployments.PrimaryOf(service), target), DeploymentFailure.RolledBack);
        }

        var settled = service.Deployments?.Count == 1 && service.RunningCount == service.DesiredCount;
        var deployed = ours.RolloutState == DeploymentRolloutState.Completed
            // No rolloutState: a service behind a Classic Load Balancer; the ServicesStable condition is all ECS offers.
            || ours.RolloutState is null && settled && ours.RunningCount == ours.DesiredCount;
        return deployed && (options.Mode != WaitMode.Stable || settled) ? service : null;
    }

    private static string Replacement(EcsDeployment? primary, ServiceDeployment target) => primary switch
    {
        null => ".",
        _ when primary.RolloutStateReason?.Contains("rolling back", StringComparison.OrdinalIgnoreCase) == true
            => $": ECS rolled back to {primary.Id} ({ServiceDeployments.FamilyRevision(primary.TaskDefinition ?? "?")}): \"{primary.RolloutStateReason}\".",
        _ when ServiceDeployments.SameTaskDefinition(primary.TaskDefinition, target.PreviousTaskDefinitionArn)
            => $": the service is back on {ServiceDeployments.FamilyRevision(primary.TaskDefinition!)} (deployment {primary.Id}), a rollback.",
        _ => $": deployment {primary.Id} of {ServiceDeployments.FamilyRevision(primary.TaskDefinition ?? "?")} replaced it (another deploy).",
    };

    private async Task FailFastAsync(ServiceDeployment target, EcsDeployment ours, StoppedTaskReason reason, WatchOptions options, CancellationToken cancellationToken)
    {
        var message = $"Tasks of our deployment {ours.Id} stopped {options.SameReasonStops} times for the same reason: {reason}.";
        if (!options.RollbackOnFailFast || target.PreviousTaskDefinitionArn is null || ServiceDeployments.SameTaskDefinition(target.PreviousTaskDefinitionArn, target.TaskDefinitionArn))
        {
            throw new DeploymentFailedException(message + " There is no earlier task definition to roll back to.", DeploymentFailure.FailedFast, reason);
        }

        observer.Note($"{message} Rolling back to {ServiceDeployments.FamilyRevision(target.PreviousTaskDefinitionArn)}.");
        var rollback = await ecs.UpdateServiceAsync(new UpdateServiceRequest
        {
            Cluster = target.Cluster,
            Service = target.Service,
            TaskDefinition = target.PreviousTaskDefinitionArn,
        }, cancellationToken);
        var rollbackId = ServiceDeployments.PrimaryOf(rollback.Service ?? new Service())?.Id;
        throw new DeploymentFailedException(
            $"{message} Rolled back to {ServiceDeployments.FamilyRevision(target.PreviousTaskDefinitionArn)}{(rollbackId is null ? "" : $" (deployment {rollbackId})")} without waiting for ECS's circuit breaker.",
            DeploymentFailure.FailedFast,
            reason);
    }

    private static string Duration(TimeSpan span) =>
        span.TotalMinutes >= 1 ? $"{span.TotalMinutes:0.#} min" : $"{span.TotalSeconds:0.#} s";

    private static DeploymentTimeoutException Timeout(ServiceDeployment target, Service? last, string? deploymentId, WatchOptions options)
    {
        var running = last?.Deployments is { Count: > 0 } deployments
            ? string.Join("; ", deployments.Select(ServiceDeployments.Describe))
            : "nothing could be read from the service";
        var ours = deploymentId is null
            ? $"no deployment of {ServiceDeployments.FamilyRevision(target.TaskDefinitionArn)} appeared"
            : $"our deployment {deploymentId} did not complete";
        return new DeploymentTimeoutException(
            $"Timed out after {Duration(options.Timeout)} (--deploy-timeout): {ours}. Still running on '{target.Service}': {running}. " +
            "The deployment goes on in ECS; watch it with 'aws ecs describe-services', or raise --deploy-timeout.");
    }
}
