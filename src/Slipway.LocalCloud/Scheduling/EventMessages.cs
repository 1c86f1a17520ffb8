using System.Globalization;

namespace Slipway.LocalCloud.Scheduling;

/// <summary>Service event texts, word for word as ECS writes them (ecs-behaviour.md §2–§3).</summary>
internal static class EventMessages
{
    public static string SteadyState(string service) => $"(service {service}) has reached a steady state.";

    public static string DeploymentCompleted(string service, string deploymentId) => $"(service {service}) (deployment {deploymentId}) deployment completed.";

    public static string StartedTasks(string service, IReadOnlyCollection<string> taskIds, int replacedUnhealthy)
    {
        var text = $"(service {service}) has started {Count(taskIds.Count)} tasks: {Ids(taskIds)}.";
        return replacedUnhealthy > 0 ? $"{text} Amazon ECS replaced {Count(replacedUnhealthy)} tasks due to an unhealthy status." : text;
    }

    public static string StoppedRunningTasks(string service, IReadOnlyCollection<string> taskIds) => $"(service {service}) has stopped {Count(taskIds.Count)} running tasks: {Ids(taskIds)}.";

    public static string StoppedPendingTasks(string service, int count) => $"(service {service}) stopped {Count(count)} pending tasks.";

    public static string BegunDraining(string service, string deploymentId, int count) => $"(service {service}, taskSet {deploymentId}) has begun draining connections on {Count(count)} tasks.";

    public static string RegisteredTargets(string service, int count, string targetGroupArn) => $"(service {service}) registered {Count(count)} targets in (target-group {targetGroupArn})";

    public static string DeregisteredTargets(string service, int count, string targetGroupArn) => $"(service {service}) deregistered {Count(count)} targets in (target-group {targetGroupArn})";

    public static string FailedHealthChecks(string service, string taskId) => $"(service {service}) (task {taskId}) failed container health checks.";

    public static string DeploymentFailed(string service, string deploymentId) => $"(service {service}) (deployment {deploymentId}) deployment failed: tasks failed to start.";

    public static string RollingBack(string service, string deploymentId) => $"(service {service}) rolling back to deployment {deploymentId}.";

    public static string UnableToConsistentlyStart(string service) => $"(service {service}) is unable to consistently start tasks successfully.";

    public static string UnableToPlace(string service, string reason) => $"(service {service}) was unable to place a task. Reason: {reason}.";

    public static string BlockedByDeploymentConfiguration(string service) =>
        $"(service {service}) was unable to stop or start tasks during a deployment because of the service deployment configuration. Update the minimumHealthyPercent or maximumPercent value and try again.";

    public static string RolloutInProgress(string deploymentId) => $"ECS deployment {deploymentId} in progress.";

    public static string RolloutCompleted(string deploymentId) => $"ECS deployment {deploymentId} completed.";

    public static string RolloutFailed => "ECS deployment circuit breaker: tasks failed to start.";

    public static string RolloutRollingBack(string deploymentId) => $"ECS deployment circuit breaker: rolling back to deploymentId {deploymentId}.";

    private static string Count(int count) => count.ToString(CultureInfo.InvariantCulture);

    private static string Ids(IEnumerable<string> taskIds) => string.Join(' ', taskIds.Select(id => $"(task {id})"));
}
