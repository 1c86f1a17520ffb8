using Slipway.Aws.Ecs.Model;
using Slipway.LocalCloud.State;

namespace Slipway.LocalCloud.Scheduling;

/// <summary>New tasks in PROVISIONING, as RunTask and the service scheduler create them; the scheduler launches them.</summary>
internal static class TaskRecords
{
    public static TaskRecord Create(
        CloudIdentity identity,
        ClusterRecord cluster,
        TaskDefinition definition,
        DateTime now,
        string group,
        string? startedBy,
        string? launchType,
        TaskOverride? overrides = null,
        IEnumerable<Tag>? tags = null,
        string? serviceArn = null,
        string? deploymentId = null)
    {
        var id = CloudIdentity.NewTaskId();
        return new TaskRecord
        {
            Id = id,
            Arn = identity.TaskArn(cluster.Name, id),
            ClusterName = cluster.Name,
            ClusterArn = cluster.Arn,
            TaskDefinitionArn = definition.TaskDefinitionArn!,
            ServiceArn = serviceArn,
            DeploymentId = deploymentId,
            Group = group,
            StartedBy = startedBy,
            LaunchType = launchType ?? "EC2",
            Cpu = definition.Cpu,
            Memory = definition.Memory,
            Overrides = overrides is null ? null : Ecs.ModelCopy.Of(overrides),
            Tags = [.. tags ?? []],
            CreatedAt = now,
            LastStatus = TaskStatuses.Provisioning,
            DesiredStatus = TaskStatuses.Running,
            HealthStatus = "UNKNOWN",
            Publishes = LaunchSpecification.PublishedPort(definition) is not null,
            Containers = [.. (definition.ContainerDefinitions ?? []).Select(c => new ContainerRecord
            {
                ContainerArn = identity.ContainerArn(cluster.Name, id),
                Name = c.Name ?? "",
                Image = c.Image,
                Essential = c.Essential ?? true,
                HasHealthCheck = HasHealthCheck(c),
                LastStatus = TaskStatuses.Pending,
                HealthStatus = "UNKNOWN",
            })],
        };
    }

    public static bool HasHealthCheck(ContainerDefinition container)
        => container.HealthCheck?.Command is { Count: > 0 } command && command[0] != "NONE";

    /// <summary>Asks a task to stop: desiredStatus first, as ECS does; the scheduler walks lastStatus down.</summary>
    public static void RequestStop(TaskRecord task, string? stopCode, string reason, DateTime now, bool failed = false)
    {
        if (task.DesiredStatus == TaskStatuses.Stopped)
        {
            return;
        }

        task.DesiredStatus = TaskStatuses.Stopped;
        task.StopCode ??= stopCode;
        task.StoppedReason ??= reason;
        task.StoppingAt ??= now;
        task.Failed = failed;
        task.Touch();
    }
}
