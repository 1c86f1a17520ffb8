namespace Slipway.Aws.Ecs.Model;

/// <summary>The overrides that are associated with a task.</summary>
public sealed class TaskOverride
{
    public IList<ContainerOverride>? ContainerOverrides { get; set; }

    public string? Cpu { get; set; }

    public string? ExecutionRoleArn { get; set; }

    public string? Memory { get; set; }

    public string? TaskRoleArn { get; set; }
}
