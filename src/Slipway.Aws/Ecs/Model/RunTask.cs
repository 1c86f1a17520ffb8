namespace Slipway.Aws.Ecs.Model;

/// <summary>The input of RunTask: Starts a new task using the specified task definition.</summary>
public sealed class RunTaskRequest
{
    public string? Cluster { get; set; }

    public int? Count { get; set; }

    public bool? EnableECSManagedTags { get; set; }

    public bool? EnableExecuteCommand { get; set; }

    public string? Group { get; set; }

    public string? LaunchType { get; set; }

    public NetworkConfiguration? NetworkConfiguration { get; set; }

    public TaskOverride? Overrides { get; set; }

    public string? PlatformVersion { get; set; }

    public string? PropagateTags { get; set; }

    public string? ReferenceId { get; set; }

    public string? StartedBy { get; set; }

    public IList<Tag>? Tags { get; set; }

    public string? TaskDefinition { get; set; }

    public string? ClientToken { get; set; }
}

/// <summary>The output of RunTask.</summary>
public sealed class RunTaskResponse
{
    public IList<Task>? Tasks { get; set; }

    public IList<Failure>? Failures { get; set; }
}
