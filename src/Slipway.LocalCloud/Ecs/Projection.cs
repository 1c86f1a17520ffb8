using Slipway.Aws.Ecs.Model;
using Slipway.LocalCloud.State;
using EcsTask = Slipway.Aws.Ecs.Model.Task;

namespace Slipway.LocalCloud.Ecs;

/// <summary>Records to the shapes DescribeServices and DescribeTasks answer with; counts are computed from the tasks.</summary>
internal static class Projection
{
    public const int MaxEvents = 100;

    public static Service Service(CloudState state, ServiceRecord service, bool includeTags)
    {
        var tasks = state.Tasks.Values.Where(t => t.ServiceArn == service.Arn && t.IsLive).ToList();
        var deployments = service.Deployments.Select(d => Deployment(d, tasks)).ToList();
        return new Service
        {
            ServiceArn = service.Arn,
            ServiceName = service.Name,
            ClusterArn = service.ClusterArn,
            LoadBalancers = [.. service.LoadBalancers.Select(ModelCopy.Of)],
            Status = service.Status,
            DesiredCount = service.DesiredCount,
            RunningCount = tasks.Count(t => t.IsRunning),
            PendingCount = tasks.Count(t => t.IsPending),
            LaunchType = service.LaunchType,
            PlatformVersion = service.PlatformVersion,
            TaskDefinition = service.TaskDefinitionArn,
            DeploymentConfiguration = ModelCopy.Of(service.DeploymentConfiguration),
            Deployments = deployments,
            RoleArn = service.LoadBalancers.Count > 0 ? $"arn:aws:iam::{CloudIdentity.Account}:role/aws-service-role/ecs.amazonaws.com/AWSServiceRoleForECS" : null,
            Events = [.. service.Events.Take(MaxEvents).Select(ModelCopy.Of)],
            CreatedAt = service.CreatedAt,
            NetworkConfiguration = service.NetworkConfiguration is null ? null : ModelCopy.Of(service.NetworkConfiguration),
            HealthCheckGracePeriodSeconds = service.HealthCheckGracePeriodSeconds,
            SchedulingStrategy = service.SchedulingStrategy,
            DeploymentController = new DeploymentController { Type = service.DeploymentControllerType },
            Tags = includeTags ? [.. service.Tags] : null,
            CreatedBy = $"arn:aws:iam::{CloudIdentity.Account}:root",
            EnableECSManagedTags = service.EnableECSManagedTags,
            PropagateTags = service.PropagateTags ?? "NONE",
            EnableExecuteCommand = service.EnableExecuteCommand,
        };
    }

    public static Deployment Deployment(DeploymentRecord deployment, IReadOnlyList<TaskRecord> liveTasksOfService)
    {
        var mine = liveTasksOfService.Where(t => t.DeploymentId == deployment.Id).ToList();
        return new Deployment
        {
            Id = deployment.Id,
            Status = deployment.Status,
            TaskDefinition = deployment.TaskDefinitionArn,
            DesiredCount = deployment.DesiredCount,
            PendingCount = mine.Count(t => t.IsPending),
            RunningCount = mine.Count(t => t.IsRunning),
            FailedTasks = deployment.FailedTasks,
            CreatedAt = deployment.CreatedAt,
            UpdatedAt = deployment.UpdatedAt,
            LaunchType = deployment.LaunchType,
            PlatformVersion = deployment.PlatformVersion,
            NetworkConfiguration = deployment.NetworkConfiguration is null ? null : ModelCopy.Of(deployment.NetworkConfiguration),
            RolloutState = deployment.RolloutState,
            RolloutStateReason = deployment.RolloutStateReason,
        };
    }

    public static EcsTask Task(TaskRecord task, bool includeTags) => new()
    {
        TaskArn = task.Arn,
        ClusterArn = task.ClusterArn,
        TaskDefinitionArn = task.TaskDefinitionArn,
        LastStatus = task.LastStatus,
        DesiredStatus = task.DesiredStatus,
        HealthStatus = task.HealthStatus,
        Group = task.Group,
        StartedBy = task.StartedBy,
        LaunchType = task.LaunchType,
        Cpu = task.Cpu,
        Memory = task.Memory,
        Overrides = task.Overrides is null ? new TaskOverride { ContainerOverrides = [] } : ModelCopy.Of(task.Overrides),
        Connectivity = task.StartedAt is null ? null : "CONNECTED",
        ConnectivityAt = task.StartedAt,
        CreatedAt = task.CreatedAt,
        PullStartedAt = task.PullStartedAt,
        PullStoppedAt = task.PullStoppedAt,
        StartedAt = task.StartedAt,
        StoppingAt = task.StoppingAt,
        ExecutionStoppedAt = task.ExecutionStoppedAt,
        StoppedAt = task.StoppedAt,
        StopCode = task.StopCode,
        StoppedReason = task.StoppedReason,
        Version = task.Version,
        EnableExecuteCommand = false,
        AvailabilityZone = null,
        Tags = includeTags ? [.. task.Tags] : null,
        Containers = [.. task.Containers.Select(c => new Container
        {
            ContainerArn = c.ContainerArn,
            TaskArn = task.Arn,
            Name = c.Name,
            Image = c.Image,
            RuntimeId = c.RuntimeId,
            LastStatus = c.LastStatus,
            ExitCode = c.ExitCode,
            Reason = c.Reason,
            HealthStatus = c.HealthStatus,
        })],
    };
}
