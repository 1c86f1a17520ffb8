using Slipway.Aws.Ecs.Model;
using EcsDeployment = Slipway.Aws.Ecs.Model.Deployment;

namespace Slipway.Aws.Deployment.Services;

/// <summary>Readings of a described service, named as the ECS documentation names the states.</summary>
public static class ServiceDeployments
{
    public const string Primary = "PRIMARY";

    public static EcsDeployment? PrimaryOf(Service service) =>
        service?.Deployments?.FirstOrDefault(d => d.Status == Primary);

    /// <summary>A rollout still under way: the PRIMARY deployment is IN_PROGRESS, or older deployments still have tasks.</summary>
    public static EcsDeployment? InProgress(Service service)
    {
        ArgumentNullException.ThrowIfNull(service);
        var primary = PrimaryOf(service);
        return primary?.RolloutState == DeploymentRolloutState.InProgress || (service.Deployments?.Count ?? 0) > 1 ? primary ?? service.Deployments![0] : null;
    }

    /// <summary>
    /// The PRIMARY deployment still rolling out (neither completed nor failed): a deploy of its task definition waits
    /// for it rather than start another one.
    /// </summary>
    public static EcsDeployment? Joinable(Service service) =>
        PrimaryOf(service) is { RolloutState: null or DeploymentRolloutState.InProgress } primary && !IsSteady(service) ? primary : null;

    /// <summary>Settled: one deployment, neither in progress nor failed.</summary>
    public static bool IsSteady(Service service) =>
        service?.Deployments is { Count: 1 } deployments
        && deployments[0].RolloutState is null or DeploymentRolloutState.Completed;

    /// <summary>Task definitions compare by family and revision: ECS may hold a full ARN or <c>family:revision</c>.</summary>
    public static bool SameTaskDefinition(string? a, string? b) =>
        a is not null && b is not null && FamilyRevision(a) == FamilyRevision(b);

    public static string FamilyRevision(string taskDefinition)
    {
        ArgumentNullException.ThrowIfNull(taskDefinition);
        var slash = taskDefinition.LastIndexOf('/');
        return slash >= 0 ? taskDefinition[(slash + 1)..] : taskDefinition;
    }

    /// <summary>One line of counts: <c>ecs-svc/1 PRIMARY IN_PROGRESS api:7: 1/2 running, 1 pending, 0 failed</c>.</summary>
    public static string Describe(EcsDeployment deployment)
    {
        ArgumentNullException.ThrowIfNull(deployment);
        var state = deployment.RolloutState is null ? deployment.Status : $"{deployment.Status} {deployment.RolloutState}";
        var failed = deployment.FailedTasks is > 0 ? $", {deployment.FailedTasks} failed" : "";
        return $"{deployment.Id} {state} {FamilyRevision(deployment.TaskDefinition ?? "?")}: {deployment.RunningCount ?? 0}/{deployment.DesiredCount ?? 0} running, {deployment.PendingCount ?? 0} pending{failed}";
    }
}
