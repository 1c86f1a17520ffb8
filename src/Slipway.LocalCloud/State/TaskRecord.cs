using Slipway.Aws.Ecs.Model;

namespace Slipway.LocalCloud.State;

/// <summary>A task: its ECS fields, where it belongs (service, deployment) and what the scheduler has done with it.</summary>
internal sealed class TaskRecord
{
    public string Id { get; set; } = "";

    public string Arn { get; set; } = "";

    public string ClusterName { get; set; } = "";

    public string ClusterArn { get; set; } = "";

    public string TaskDefinitionArn { get; set; } = "";

    public string? ServiceArn { get; set; }

    public string? DeploymentId { get; set; }

    public string Group { get; set; } = "";

    public string? StartedBy { get; set; }

    public string LastStatus { get; set; } = TaskStatuses.Provisioning;

    public string DesiredStatus { get; set; } = TaskStatuses.Running;

    public string HealthStatus { get; set; } = "UNKNOWN";

    public string? LaunchType { get; set; }

    public string? Cpu { get; set; }

    public string? Memory { get; set; }

    public TaskOverride? Overrides { get; set; }

    public List<Tag> Tags { get; set; } = [];

    public int HostPort { get; set; }

    public long Version { get; set; } = 1;

    public DateTime CreatedAt { get; set; }

    public DateTime? PullStartedAt { get; set; }

    public DateTime? PullStoppedAt { get; set; }

    public DateTime? StartedAt { get; set; }

    public DateTime? StoppingAt { get; set; }

    public DateTime? ExecutionStoppedAt { get; set; }

    public DateTime? StoppedAt { get; set; }

    public string? StopCode { get; set; }

    public string? StoppedReason { get; set; }

    public List<ContainerRecord> Containers { get; set; } = [];

    /// <summary>StartAsync was called: the runtime may have containers for this task.</summary>
    public bool Launched { get; set; }

    /// <summary>When the task first counted as healthy (container health HEALTHY, or RUNNING for long enough without a check).</summary>
    public DateTime? HealthySince { get; set; }

    /// <summary>An essential container declares a port mapping: the task serves on <see cref="HostPort"/>.</summary>
    public bool Publishes { get; set; }

    /// <summary>When the host port first accepted a connection (the target check of tasks without a container health check).</summary>
    public DateTime? ListeningSince { get; set; }

    /// <summary>Was handed to the load balancer, so it is drained before it stops.</summary>
    public bool Routed { get; set; }

    /// <summary>The stop was for a failure the circuit breaker counts.</summary>
    public bool Failed { get; set; }

    public bool IsStopped => LastStatus == TaskStatuses.Stopped;

    public bool IsLive => DesiredStatus == TaskStatuses.Running && !IsStopped;

    public bool IsRunning => IsLive && LastStatus == TaskStatuses.Running;

    public bool IsPending => IsLive && LastStatus != TaskStatuses.Running;

    public void Touch() => Version++;
}

internal sealed class ContainerRecord
{
    public string ContainerArn { get; set; } = "";

    public string Name { get; set; } = "";

    public string? Image { get; set; }

    public bool Essential { get; set; } = true;

    public bool HasHealthCheck { get; set; }

    public string LastStatus { get; set; } = TaskStatuses.Pending;

    public int? ExitCode { get; set; }

    public string? Reason { get; set; }

    public string HealthStatus { get; set; } = "UNKNOWN";

    public string? RuntimeId { get; set; }
}

/// <summary>ECS's task and container statuses (ecs-behaviour.md §4).</summary>
internal static class TaskStatuses
{
    public const string Provisioning = "PROVISIONING";
    public const string Pending = "PENDING";
    public const string Activating = "ACTIVATING";
    public const string Running = "RUNNING";
    public const string Deactivating = "DEACTIVATING";
    public const string Stopping = "STOPPING";
    public const string Deprovisioning = "DEPROVISIONING";
    public const string Stopped = "STOPPED";
}
