namespace Slipway.Aws.Ecs.Model;

/// <summary>Optional deployment parameters that control how many tasks run during a deployment and the ordering of stopping and starting tasks.</summary>
public sealed class DeploymentConfiguration
{
    public DeploymentCircuitBreaker? DeploymentCircuitBreaker { get; set; }

    public int? MaximumPercent { get; set; }

    public int? MinimumHealthyPercent { get; set; }

    public DeploymentAlarms? Alarms { get; set; }
}
