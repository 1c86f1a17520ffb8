namespace Slipway.Aws.Ecs.Model;

/// <summary>Information about the platform for the Amazon ECS service or task.</summary>
public sealed class RuntimePlatform
{
    public string? CpuArchitecture { get; set; }

    public string? OperatingSystemFamily { get; set; }
}
