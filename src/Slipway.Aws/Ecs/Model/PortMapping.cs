namespace Slipway.Aws.Ecs.Model;

/// <summary>Port mappings allow containers to access ports on the host container instance to send or receive traffic.</summary>
public sealed class PortMapping
{
    public int? ContainerPort { get; set; }

    public int? HostPort { get; set; }

    public string? Protocol { get; set; }

    public string? Name { get; set; }

    public string? AppProtocol { get; set; }

    public string? ContainerPortRange { get; set; }
}
