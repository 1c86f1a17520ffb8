namespace Slipway.Aws.Ecs.Model;

/// <summary>The details for an event that's associated with a service.</summary>
public sealed class ServiceEvent
{
    public string? Id { get; set; }

    public DateTime? CreatedAt { get; set; }

    public string? Message { get; set; }
}
