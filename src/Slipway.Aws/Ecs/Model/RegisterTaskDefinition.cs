namespace Slipway.Aws.Ecs.Model;

/// <summary>The input of RegisterTaskDefinition: Registers a new task definition from the supplied family and containerDefinitions.</summary>
public sealed class RegisterTaskDefinitionRequest
{
    public string? Family { get; set; }

    public string? TaskRoleArn { get; set; }

    public string? ExecutionRoleArn { get; set; }

    public string? NetworkMode { get; set; }

    public IList<ContainerDefinition>? ContainerDefinitions { get; set; }

    public IList<string>? RequiresCompatibilities { get; set; }

    public string? Cpu { get; set; }

    public string? Memory { get; set; }

    public IList<Tag>? Tags { get; set; }

    public string? PidMode { get; set; }

    public string? IpcMode { get; set; }

    public EphemeralStorage? EphemeralStorage { get; set; }

    public RuntimePlatform? RuntimePlatform { get; set; }

    public bool? EnableFaultInjection { get; set; }
}

/// <summary>The output of RegisterTaskDefinition.</summary>
public sealed class RegisterTaskDefinitionResponse
{
    public TaskDefinition? TaskDefinition { get; set; }

    public IList<Tag>? Tags { get; set; }
}
