namespace Slipway.Aws.Ecs.Model;

/// <summary>The overrides that are sent to a container.</summary>
public sealed class ContainerOverride
{
    public string? Name { get; set; }

    public IList<string>? Command { get; set; }

    public IList<KeyValuePair>? Environment { get; set; }

    public int? Cpu { get; set; }

    public int? Memory { get; set; }

    public int? MemoryReservation { get; set; }
}
