namespace Slipway.Aws.Ecs.Model;

/// <summary>The details of a task definition which describes the container and volume definitions of an Amazon Elastic Container Service task.</summary>
public sealed class TaskDefinition
{
    public string? TaskDefinitionArn { get; set; }

    public IList<ContainerDefinition>? ContainerDefinitions { get; set; }

    public string? Family { get; set; }

    public string? TaskRoleArn { get; set; }

    public string? ExecutionRoleArn { get; set; }

    public string? NetworkMode { get; set; }

    public int? Revision { get; set; }

    public string? Status { get; set; }

    public IList<string>? Compatibilities { get; set; }

    public RuntimePlatform? RuntimePlatform { get; set; }

    public IList<string>? RequiresCompatibilities { get; set; }

    public string? Cpu { get; set; }

    public string? Memory { get; set; }

    public string? PidMode { get; set; }

    public string? IpcMode { get; set; }

    public DateTime? RegisteredAt { get; set; }

    public DateTime? DeregisteredAt { get; set; }

    public string? RegisteredBy { get; set; }

    public EphemeralStorage? EphemeralStorage { get; set; }

    public bool? EnableFaultInjection { get; set; }
}
