using Slipway.Aws.Deployment.Services;
using Slipway.Aws.Ecs.Model;
using Task = System.Threading.Tasks.Task;

namespace Slipway.Aws.Deployment.Watching;

/// <summary>
/// After our deployment failed and the service went back (ECS's circuit breaker, or the fail-fast's own UpdateService),
/// waits for that rollback deployment to complete, for at most <c>--deploy-timeout</c> again, and says what the service
/// runs now. The deploy has failed whatever this finds: it only makes the report true when the deploy ends.
/// </summary>
internal static class RollbackWait
{
    /// <param name="rollbackId">The rollback deployment's id when known; otherwise the PRIMARY deployment is the rollback.</param>
    /// <returns>One sentence: the rollback completed (and what runs), failed, or was still rolling out at the deadline.</returns>
    public static async Task<string> WaitAsync(ServiceLooks looks, string? rollbackId, TimeProvider time, WatchOptions options, CancellationToken cancellationToken)
    {
        var started = time.GetTimestamp();
        while (true)
        {
            cancellationToken.ThrowIfCancellationRequested();
            if (await looks.LookAsync(cancellationToken) is { } service
                && (service.Deployments?.FirstOrDefault(d => d.Id == rollbackId) ?? ServiceDeployments.PrimaryOf(service)) is { } rollback)
            {
                if (rollback.RolloutState == DeploymentRolloutState.Completed || rollback.RolloutState is null && ServiceDeployments.IsSteady(service))
                {
                    return $"The rollback completed; the service runs {ServiceDeployments.FamilyRevision(rollback.TaskDefinition ?? "?")} again: {ServiceDeployments.Describe(rollback)}.";
                }

                if (rollback.RolloutState == DeploymentRolloutState.Failed)
                {
                    return $"The rollback failed too ({rollback.RolloutStateReason ?? "no reason given"}); the service runs: {looks.Running()}.";
                }
            }

            var left = options.Timeout - time.GetElapsedTime(started);
            if (left <= TimeSpan.Zero)
            {
                return $"The rollback had not completed after {DeploymentWatcher.Duration(options.Timeout)} (--deploy-timeout); the service runs: {looks.Running()}.";
            }

            await Task.Delay(looks.Delay < left ? looks.Delay : left, time, cancellationToken);
        }
    }
}
