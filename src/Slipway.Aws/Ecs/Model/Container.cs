namespace Slipway.Aws.Ecs.Model;

/// <summary>A Docker container that's part of a task.</summary>
public sealed class Container
{
    public string? ContainerArn { get; set; }

    public string? TaskArn { get; set; }

    public string? Name { get; set; }

    public string? Image { get; set; }

    public string? ImageDigest { get; set; }

    public string? RuntimeId { get; set; }

    public string? LastStatus { get; set; }

    public int? ExitCode { get; set; }

    public string? Reason { get; set; }

    public string? HealthStatus { get; set; }

    public string? Cpu { get; set; }

    public string? Memory { get; set; }

    public string? MemoryReservation { get; set; }
}
