using Slipway.Aws.Deployment;
using Slipway.Aws.Deployment.Environments;
using Slipway.Aws.Deployment.Records;
using Slipway.Aws.Deployment.Services;
using Slipway.Aws.Deployment.TaskDefinitions;
using Slipway.Aws.Deployment.Watching;
using Slipway.Aws.Ecs;
using Slipway.Output;

namespace Slipway.Aws.Promotion;

/// <summary>
/// Rollback: the service goes back to the revision of an earlier successful release, as it was registered (nothing
/// rendered again), through the deploy's own lock, service update and watcher (its fail-fast and rollback included).
/// </summary>
public sealed class RollbackDeployer(IAmazonECS ecs, TimeProvider time, ILog log, IDeploymentObserver observer)
{
    public async Task<DeploymentRecord> RollBackAsync(DeployEnvironment environment, CallerIdentity caller, Release release, string actor, bool force, WatchOptions watch, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(environment);
        ArgumentNullException.ThrowIfNull(caller);
        ArgumentNullException.ThrowIfNull(release);
        ArgumentNullException.ThrowIfNull(watch);
        var startedAt = time.GetUtcNow();
        var changes = new RemoteChanges(dryRun: false, log);
        var deploymentLock = new DeploymentLock(new TaskDefinitionRegistrar(ecs, changes), time);
        var deployer = new ServiceDeployer(ecs, changes, deploymentLock, time);
        log.Information($"Rolling '{environment.Name}' back to {release.Describe()}");
        var deployment = await deployer.DeployAsync(environment, release.TaskDefinitionArn, force, cancellationToken);
        if (deployment.Warning is { } warning)
        {
            log.Warning(warning);
        }

        var outcome = deployment.Action == ServiceAction.Unchanged ? "unchanged" : watch.Mode == WaitMode.None ? "not-waited" : "succeeded";
        if (outcome == "succeeded")
        {
            log.Information($"Waiting for deployment {deployment.DeploymentId ?? "(not yet named)"} ({watch.Mode}, at most {watch.Timeout.TotalMinutes:0.#} min)");
            await new DeploymentWatcher(ecs, time, observer).WatchAsync(deployment, watch, cancellationToken);
            await DeploymentMarks.MarkSucceededAsync(ecs, release.TaskDefinitionArn, actor, time.GetUtcNow(), cancellationToken);
            if (deployment.PreviousTaskDefinitionArn is { } left && !ServiceDeployments.SameTaskDefinition(left, release.TaskDefinitionArn))
            {
                await DeploymentMarks.MarkRolledBackAsync(ecs, left, time.GetUtcNow(), cancellationToken);
            }
        }

        return new DeploymentRecord
        {
            Environment = environment.Name,
            Account = caller.Account,
            Region = environment.Region,
            Caller = caller.Arn,
            Cluster = environment.Cluster,
            Service = environment.Service,
            Version = release.Version,
            Commit = release.Commit,
            Image = release.Image,
            Digest = release.Digest,
            TaskDefinitionArn = release.TaskDefinitionArn,
            TaskDefinitionReused = true,
            Action = "rollback",
            DeploymentId = deployment.DeploymentId,
            Outcome = outcome,
            Actor = actor,
            StartedAt = startedAt,
            FinishedAt = time.GetUtcNow(),
            WritingCalls = changes.Calls,
        };
    }
}
