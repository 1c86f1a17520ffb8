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
/// the reason and rolls back to the previous task definition. After a rollback (ECS's or its own) it waits for the
/// rollback deployment too, so the failure says what the service runs when the deploy ends. A timeout is its own exception.
/// </summary>
public sealed class DeploymentWatcher(IAmazonECS ecs, TimeProvider time, IDeploymentObserver observer)
{
    /// <returns>The service as it was when our deployment succeeded.</returns>
    /// <exception cref="DeploymentFailedException">
    /// Our deployment failed, was rolled back or replaced, or failed fast. After a rollback (ECS's or the fail-fast's)
    /// the exception comes once the rollback deployment completed, failed or ran out of <c>--deploy-timeout</c>, and its
    /// message says what the service runs then.
    /// </exception>
    /// <exception cref="DeploymentTimeoutException">The timeout ran out first.</exception>
    public async Task<Service> WatchAsync(ServiceDeployment target, WatchOptions options, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(target);
        ArgumentNullException.ThrowIfNull(options);
        var looks = new ServiceLooks(ecs, observer, target, options);
        try
        {
            return await WatchOursAsync(looks, target, options, cancellationToken);
        }
        catch (DeploymentFailedException failure) when (failure.ServiceRolledBack)
        {
            observer.Note("Waiting for the rollback to complete, to report what the service runs now");
            var now = await RollbackWait.WaitAsync(looks, failure.RollbackDeploymentId, time, options, cancellationToken);
            throw new DeploymentFailedException($"{failure.Message} {now}", failure.Failure, failure.Reason) { ServiceNow = now };
        }
    }

    private async Task<Service> WatchOursAsync(ServiceLooks looks, ServiceDeployment target, WatchOptions options, CancellationToken cancellationToken)
    {
        var started = time.GetTimestamp();
        var stopped = new StoppedTaskTracker(ecs, target.Cluster, target.Service, observer.Note);
        var deploymentId = target.DeploymentId;
        while (true)
        {
            cancellationToken.ThrowIfCancellationRequested();
            if (await looks.LookAsync(cancellationToken) is { } service)
            {
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
            }

            var left = options.Timeout - time.GetElapsedTime(started);
            if (left <= TimeSpan.Zero)
            {
                throw Timeout(target, looks, deploymentId, options);
            }

            await Task.Delay(looks.Delay < left ? looks.Delay : left, time, cancellationToken);
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
            throw Replaced($"Our deployment {deploymentId} is gone from service '{service.ServiceName}'", primary, target);
        }

        if (ours.RolloutState == DeploymentRolloutState.Failed)
        {
            var primary = ServiceDeployments.PrimaryOf(service);
            var failed = $"Our deployment {ours.Id} FAILED: {ours.RolloutStateReason ?? "no reason given"}";
            throw primary is not null && primary.Id != ours.Id
                ? Replaced(failed, primary, target)
                : new DeploymentFailedException(failed + ". ECS did not roll back (no earlier completed deployment).", DeploymentFailure.Failed);
        }

        if (ours.Status != ServiceDeployments.Primary)
        {
            throw Replaced($"Our deployment {ours.Id} is no longer PRIMARY (it is {ours.Status})", ServiceDeployments.PrimaryOf(service), target);
        }

        var settled = service.Deployments?.Count == 1 && service.RunningCount == service.DesiredCount;
        var deployed = ours.RolloutState == DeploymentRolloutState.Completed
            // No rolloutState: a service behind a Classic Load Balancer; the ServicesStable condition is all ECS offers.
            || ours.RolloutState is null && settled && ours.RunningCount == ours.DesiredCount;
        return deployed && (options.Mode != WaitMode.Stable || settled) ? service : null;
    }

    /// <summary>Our deployment lost its place: to a rollback (waited for before the deploy ends), or to another deploy.</summary>
    private static DeploymentFailedException Replaced(string what, EcsDeployment? primary, ServiceDeployment target)
    {
        var rolledBack = primary is not null && (ByCircuitBreaker(primary) || ServiceDeployments.SameTaskDefinition(primary.TaskDefinition, target.PreviousTaskDefinitionArn));
        return new DeploymentFailedException(what + Replacement(primary, target), DeploymentFailure.RolledBack)
        {
            ServiceRolledBack = rolledBack,
            RollbackDeploymentId = rolledBack ? primary!.Id : null,
        };
    }

    private static bool ByCircuitBreaker(EcsDeployment primary) =>
        primary.RolloutStateReason?.Contains("rolling back", StringComparison.OrdinalIgnoreCase) == true;

    private static string Replacement(EcsDeployment? primary, ServiceDeployment target) => primary switch
    {
        null => ".",
        _ when ByCircuitBreaker(primary)
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
            reason)
        {
            ServiceRolledBack = true,
            RollbackDeploymentId = rollbackId,
        };
    }

    internal static string Duration(TimeSpan span) =>
        span.TotalMinutes >= 1 ? $"{span.TotalMinutes:0.#} min" : $"{span.TotalSeconds:0.#} s";

    private static DeploymentTimeoutException Timeout(ServiceDeployment target, ServiceLooks looks, string? deploymentId, WatchOptions options)
    {
        var running = looks.Running();
        var ours = deploymentId is null
            ? $"no deployment of {ServiceDeployments.FamilyRevision(target.TaskDefinitionArn)} appeared"
            : $"our deployment {deploymentId} did not complete";
        return new DeploymentTimeoutException(
            $"Timed out after {Duration(options.Timeout)} (--deploy-timeout): {ours}. Still running on '{target.Service}': {running}. " +
            "The deployment goes on in ECS; watch it with 'aws ecs describe-services', or raise --deploy-timeout.");
    }
}
