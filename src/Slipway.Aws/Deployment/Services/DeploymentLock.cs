using Slipway.Aws.Deployment.TaskDefinitions;
using Slipway.Aws.Ecs.Model;
using EcsDeployment = Slipway.Aws.Ecs.Model.Deployment;

namespace Slipway.Aws.Deployment.Services;

/// <summary>
/// The lock: a deploy does not start while another deployment rolls out on the same service, because two rollouts
/// fight and the watcher could not tell whose tasks fail. ECS itself is the lock's store: the service's deployments
/// say whether one is in progress, since when, and its task definition's tags say whose it is. The rollout of the
/// very release being deployed (a deploy interrupted after its update) is no conflict: the deploy joins it.
/// </summary>
public sealed class DeploymentLock(TaskDefinitionRegistrar taskDefinitions, TimeProvider time)
{
    /// <exception cref="DeploymentInProgressException">Another deployment is in progress and <paramref name="force"/> is off.</exception>
    /// <param name="release">The release this deploy brings; a rollout of the same release is joined, not refused.</param>
    /// <returns>A warning to show when forced past a running deployment; otherwise null.</returns>
    public async Task<string?> CheckAsync(Service service, bool force, CancellationToken cancellationToken, DeploymentTags? release = null)
    {
        ArgumentNullException.ThrowIfNull(service);
        if (ServiceDeployments.InProgress(service) is not { } running)
        {
            return null;
        }

        var tags = await TagsAsync(running, cancellationToken);
        if (release is not null && ServiceDeployments.Joinable(service) == running && tags is not null && SameRelease(tags, release))
        {
            return null;
        }

        var whose = Whose(running, tags);
        var since = running.CreatedAt is { } created
            ? $"since {created:yyyy-MM-dd HH:mm:ss}Z ({Minutes(time.GetUtcNow().UtcDateTime - created)} ago)"
            : "since an unknown time";
        var description = $"deployment {running.Id} of {ServiceDeployments.FamilyRevision(running.TaskDefinition ?? "?")}{whose} is in progress on service '{service.ServiceName}' {since}: " +
            string.Join("; ", (service.Deployments ?? []).Select(ServiceDeployments.Describe));
        if (force)
        {
            return $"--force: deploying although {description}";
        }

        throw new DeploymentInProgressException(
            $"Another {description}. Nothing was changed. Wait for it to finish (or roll back), or pass --force to deploy over it.");
    }

    private async Task<DeploymentTags?> TagsAsync(EcsDeployment deployment, CancellationToken cancellationToken) =>
        deployment.TaskDefinition is null ? null : DeploymentTags.From((await taskDefinitions.DescribeAsync(deployment.TaskDefinition, cancellationToken))?.Tags);

    /// <summary>Who deployed it does not matter: the same image, version and commit for the same environment is the same release.</summary>
    private static bool SameRelease(DeploymentTags running, DeploymentTags release) =>
        running with { Actor = "" } == release with { Actor = "" };

    private static string Whose(EcsDeployment deployment, DeploymentTags? tags) =>
        deployment.TaskDefinition is null ? ""
        : tags is not null ? $" (version {tags.Version}, commit {tags.Commit}, by {(tags.Actor.Length > 0 ? tags.Actor : "an unknown actor")})"
        : " (not deployed by Slipway)";

    private static string Minutes(TimeSpan elapsed) =>
        elapsed.TotalMinutes >= 1 ? $"{(int)elapsed.TotalMinutes} min" : $"{Math.Max(0, (int)elapsed.TotalSeconds)} s";
}
