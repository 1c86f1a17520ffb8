namespace Slipway.Aws.Ecs.Model;

/// <summary>The load balancer configuration to use with a service or task set.</summary>
public sealed class LoadBalancer
{
    public string? TargetGroupArn { get; set; }

    public string? LoadBalancerName { get; set; }

    public string? ContainerName { get; set; }

    public int? ContainerPort { get; set; }
}
