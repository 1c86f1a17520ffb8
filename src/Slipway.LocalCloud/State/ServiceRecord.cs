using Slipway.Aws.Ecs.Model;

namespace Slipway.LocalCloud.State;

/// <summary>A service: its settings as CreateService/UpdateService set them, its deployments (PRIMARY first) and events (newest first).</summary>
internal sealed class ServiceRecord
{
    public string Arn { get; set; } = "";

    public string Name { get; set; } = "";

    public string ClusterName { get; set; } = "";

    public string ClusterArn { get; set; } = "";

    public string Status { get; set; } = "ACTIVE";

    public int DesiredCount { get; set; }

    public string TaskDefinitionArn { get; set; } = "";

    public string? LaunchType { get; set; }

    public string? PlatformVersion { get; set; }

    public string SchedulingStrategy { get; set; } = "REPLICA";

    public DeploymentConfiguration DeploymentConfiguration { get; set; } = new();

    public NetworkConfiguration? NetworkConfiguration { get; set; }

    public List<LoadBalancer> LoadBalancers { get; set; } = [];

    public int? HealthCheckGracePeriodSeconds { get; set; }

    public string DeploymentControllerType { get; set; } = "ECS";

    public List<Tag> Tags { get; set; } = [];

    public bool EnableECSManagedTags { get; set; }

    public string? PropagateTags { get; set; }

    public bool EnableExecuteCommand { get; set; }

    public string? ClientToken { get; set; }

    public DateTime CreatedAt { get; set; }

    public List<DeploymentRecord> Deployments { get; set; } = [];

    public List<ServiceEvent> Events { get; set; } = [];

    /// <summary>True while the service is in a steady state, so that the event is written once per stretch (and every 6 h).</summary>
    public bool Steady { get; set; }

    public DateTime? LastSteadyEventAt { get; set; }

    /// <summary>Tasks stopped for failed health checks whose replacements have not been announced yet.</summary>
    public int UnhealthyReplacementsPending { get; set; }

    public DeploymentRecord? Primary => Deployments.Count > 0 ? Deployments[0] : null;
}
