namespace Slipway.Aws.Ecs.Model;

/// <summary>Details on a task in a cluster.</summary>
public sealed class Task
{
    public string? AvailabilityZone { get; set; }

    public string? ClusterArn { get; set; }

    public string? Connectivity { get; set; }

    public DateTime? ConnectivityAt { get; set; }

    public IList<Container>? Containers { get; set; }

    public string? Cpu { get; set; }

    public DateTime? CreatedAt { get; set; }

    public string? DesiredStatus { get; set; }

    public bool? EnableExecuteCommand { get; set; }

    public DateTime? ExecutionStoppedAt { get; set; }

    public string? Group { get; set; }

    public string? HealthStatus { get; set; }

    public string? LastStatus { get; set; }

    public string? LaunchType { get; set; }

    public string? Memory { get; set; }

    public TaskOverride? Overrides { get; set; }

    public string? PlatformVersion { get; set; }

    public DateTime? PullStartedAt { get; set; }

    public DateTime? PullStoppedAt { get; set; }

    public DateTime? StartedAt { get; set; }

    public string? StartedBy { get; set; }

    public string? StopCode { get; set; }

    public DateTime? StoppedAt { get; set; }

    public string? StoppedReason { get; set; }

    public DateTime? StoppingAt { get; set; }

    public IList<Tag>? Tags { get; set; }

    public string? TaskArn { get; set; }

    public string? TaskDefinitionArn { get; set; }

    public long? Version { get; set; }
}
