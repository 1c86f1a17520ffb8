namespace Slipway.Aws.Ecs.Model;

/// <summary>The input of UpdateService: Modifies the parameters of a service.</summary>
public sealed class UpdateServiceRequest
{
    public string? Cluster { get; set; }

    public string? Service { get; set; }

    public int? DesiredCount { get; set; }

    public string? TaskDefinition { get; set; }

    public DeploymentConfiguration? DeploymentConfiguration { get; set; }

    public NetworkConfiguration? NetworkConfiguration { get; set; }

    public string? PlatformVersion { get; set; }

    public bool? ForceNewDeployment { get; set; }

    public int? HealthCheckGracePeriodSeconds { get; set; }

    public DeploymentController? DeploymentController { get; set; }

    public bool? EnableExecuteCommand { get; set; }

    public bool? EnableECSManagedTags { get; set; }

    public IList<LoadBalancer>? LoadBalancers { get; set; }

    public string? PropagateTags { get; set; }
}

/// <summary>The output of UpdateService.</summary>
public sealed class UpdateServiceResponse
{
    public Service? Service { get; set; }
}
