namespace Slipway.Aws.Ecs.Model;

/// <summary>The deployment controller to use for the service.</summary>
public sealed class DeploymentController
{
    public string? Type { get; set; }
}
