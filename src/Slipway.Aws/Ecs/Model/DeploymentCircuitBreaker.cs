namespace Slipway.Aws.Ecs.Model;

/// <summary>The deployment circuit breaker can only be used for services using the rolling update (ECS) deployment type.</summary>
public sealed class DeploymentCircuitBreaker
{
    public bool? Enable { get; set; }

    public bool? Rollback { get; set; }
}
