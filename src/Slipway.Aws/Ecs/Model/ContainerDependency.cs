namespace Slipway.Aws.Ecs.Model;

/// <summary>The dependencies defined for container startup and shutdown.</summary>
public sealed class ContainerDependency
{
    public string? ContainerName { get; set; }

    public string? Condition { get; set; }
}
