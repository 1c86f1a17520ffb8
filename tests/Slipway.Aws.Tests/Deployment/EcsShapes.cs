using Slipway.Aws.Deployment.Environments;
using Slipway.Aws.Ecs.Model;
using EcsDeployment = Slipway.Aws.Ecs.Model.Deployment;
using EcsTask = Slipway.Aws.Ecs.Model.Task;

namespace Slipway.Aws.Tests.Deployment;

/// <summary>
/// Services, deployments, events and tasks shaped as ECS returns them (ecs-2014-11-13 model and examples-1.json;
/// event texts as ECS words them, see ecs-behaviour.md §1–3).
/// </summary>
internal static class EcsShapes
{
    public const string ClusterName = "prod";
    public const string ServiceName = "api";
    public const string Old = "arn:aws:ecs:us-east-1:123456789012:task-definition/api:6";
    public const string New = "arn:aws:ecs:us-east-1:123456789012:task-definition/api:7";
    public const string OldId = "ecs-svc/0254910055998611338";
    public const string NewId = "ecs-svc/4711093823456789012";

    public static readonly DateTime T0 = new(2026, 11, 28, 3, 0, 0, DateTimeKind.Utc);

    /// <summary>The environment the scripted service belongs to: cluster <see cref="ClusterName"/>, two tasks.</summary>
    public static DeployEnvironment ProdEnvironment => new()
    {
        Name = "prod",
        File = "deploy/environments/prod.json",
        Account = "123456789012",
        Region = "us-east-1",
        Cluster = ClusterName,
        Service = ServiceName,
        Repository = "slipway/api",
        DesiredCount = 2,
    };

    public static EcsDeployment Rollout(string id, string status, string taskDefinition, string? rollout, int running, int desired, int pending = 0, int failed = 0, string? reason = null) => new()
    {
        Id = id,
        Status = status,
        TaskDefinition = taskDefinition,
        RolloutState = rollout,
        RolloutStateReason = reason ?? (rollout == DeploymentRolloutState.Completed ? $"ECS deployment {id} completed." : rollout == DeploymentRolloutState.InProgress ? $"ECS deployment {id} in progress." : null),
        RunningCount = running,
        DesiredCount = desired,
        PendingCount = pending,
        FailedTasks = failed,
        LaunchType = "FARGATE",
        CreatedAt = T0,
        UpdatedAt = T0,
    };

    public static Service Service(string taskDefinition, IEnumerable<EcsDeployment> deployments, params (int Second, string Message)[] events)
    {
        var list = deployments.ToList();
        return new Service
        {
            ServiceArn = $"arn:aws:ecs:us-east-1:123456789012:service/{ClusterName}/{ServiceName}",
            ServiceName = ServiceName,
            ClusterArn = $"arn:aws:ecs:us-east-1:123456789012:cluster/{ClusterName}",
            Status = "ACTIVE",
            TaskDefinition = taskDefinition,
            DesiredCount = 2,
            RunningCount = list.Sum(d => d.RunningCount ?? 0),
            PendingCount = list.Sum(d => d.PendingCount ?? 0),
            Deployments = list,
            // Newest first, as ECS lists them.
            Events = [.. events.OrderByDescending(e => e.Second).Select(e => Event(e.Second, e.Message))],
        };
    }

    public static ServiceEvent Event(int second, string message) => new()
    {
        Id = $"00000000-0000-4000-8000-{second:000000000000}",
        CreatedAt = T0.AddSeconds(second),
        Message = $"(service {ServiceName}) {message}",
    };

    public static EcsTask StoppedTask(string id, string startedBy, string stopCode, int? exitCode, string stoppedReason, string? containerReason = null) => new()
    {
        TaskArn = $"arn:aws:ecs:us-east-1:123456789012:task/{ClusterName}/{id}",
        TaskDefinitionArn = New,
        StartedBy = startedBy,
        Group = $"service:{ServiceName}",
        LastStatus = "STOPPED",
        DesiredStatus = "STOPPED",
        StopCode = stopCode,
        StoppedReason = stoppedReason,
        Containers = [new Container { Name = "api", LastStatus = "STOPPED", ExitCode = exitCode, Reason = containerReason }],
    };
}
