namespace Slipway.Aws.Ecs.Model;

/// <summary>Details on a service within a cluster.</summary>
public sealed class Service
{
    public string? ServiceArn { get; set; }

    public string? ServiceName { get; set; }

    public string? ClusterArn { get; set; }

    public IList<LoadBalancer>? LoadBalancers { get; set; }

    public string? Status { get; set; }

    public int? DesiredCount { get; set; }

    public int? RunningCount { get; set; }

    public int? PendingCount { get; set; }

    public string? LaunchType { get; set; }

    public string? PlatformVersion { get; set; }

    public string? PlatformFamily { get; set; }

    public string? TaskDefinition { get; set; }

    public DeploymentConfiguration? DeploymentConfiguration { get; set; }

    public IList<Deployment>? Deployments { get; set; }

    public string? RoleArn { get; set; }

    public IList<ServiceEvent>? Events { get; set; }

    public DateTime? CreatedAt { get; set; }

    public NetworkConfiguration? NetworkConfiguration { get; set; }

    public int? HealthCheckGracePeriodSeconds { get; set; }

    public string? SchedulingStrategy { get; set; }

    public DeploymentController? DeploymentController { get; set; }

    public IList<Tag>? Tags { get; set; }

    public string? CreatedBy { get; set; }

    public bool? EnableECSManagedTags { get; set; }

    public string? PropagateTags { get; set; }

    public bool? EnableExecuteCommand { get; set; }
}
