namespace Slipway.Aws.Ecs.Model;

/// <summary>Container definitions are used in task definitions to describe the different containers that are launched as part of a task.</summary>
public sealed class ContainerDefinition
{
    public string? Name { get; set; }

    public string? Image { get; set; }

    public int? Cpu { get; set; }

    public int? Memory { get; set; }

    public int? MemoryReservation { get; set; }

    public IList<PortMapping>? PortMappings { get; set; }

    public bool? Essential { get; set; }

    public IList<string>? EntryPoint { get; set; }

    public IList<string>? Command { get; set; }

    public IList<KeyValuePair>? Environment { get; set; }

    public IList<Secret>? Secrets { get; set; }

    public IList<ContainerDependency>? DependsOn { get; set; }

    public int? StartTimeout { get; set; }

    public int? StopTimeout { get; set; }

    public string? Hostname { get; set; }

    public string? User { get; set; }

    public string? WorkingDirectory { get; set; }

    public bool? ReadonlyRootFilesystem { get; set; }

    public IDictionary<string, string>? DockerLabels { get; set; }

    public LogConfiguration? LogConfiguration { get; set; }

    public HealthCheck? HealthCheck { get; set; }
}
