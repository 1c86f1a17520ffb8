namespace Slipway.Aws.Ecs.Model;

/// <summary>The input of CreateService: Runs and maintains your desired number of tasks from a specified task definition.</summary>
public sealed class CreateServiceRequest
{
    public string? Cluster { get; set; }

    public string? ServiceName { get; set; }

    public string? TaskDefinition { get; set; }

    public IList<LoadBalancer>? LoadBalancers { get; set; }

    public int? DesiredCount { get; set; }

    public string? ClientToken { get; set; }

    public string? LaunchType { get; set; }

    public string? PlatformVersion { get; set; }

    public string? Role { get; set; }

    public DeploymentConfiguration? DeploymentConfiguration { get; set; }

    public NetworkConfiguration? NetworkConfiguration { get; set; }

    public int? HealthCheckGracePeriodSeconds { get; set; }

    public string? SchedulingStrategy { get; set; }

    public DeploymentController? DeploymentController { get; set; }

    public IList<Tag>? Tags { get; set; }

    public bool? EnableECSManagedTags { get; set; }

    public string? PropagateTags { get; set; }

    public bool? EnableExecuteCommand { get; set; }
}

/// <summary>The output of CreateService.</summary>
public sealed class CreateServiceResponse
{
    public Service? Service { get; set; }
}
