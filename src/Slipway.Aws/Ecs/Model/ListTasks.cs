namespace Slipway.Aws.Ecs.Model;

/// <summary>The input of ListTasks: Returns a list of tasks.</summary>
public sealed class ListTasksRequest
{
    public string? Cluster { get; set; }

    public string? ContainerInstance { get; set; }

    public string? Family { get; set; }

    public string? NextToken { get; set; }

    public int? MaxResults { get; set; }

    public string? StartedBy { get; set; }

    public string? ServiceName { get; set; }

    public string? DesiredStatus { get; set; }

    public string? LaunchType { get; set; }

    public string? DaemonName { get; set; }
}

/// <summary>The output of ListTasks.</summary>
public sealed class ListTasksResponse
{
    public IList<string>? TaskArns { get; set; }

    public string? NextToken { get; set; }
}
