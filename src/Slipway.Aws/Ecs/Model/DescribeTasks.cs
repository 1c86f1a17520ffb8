namespace Slipway.Aws.Ecs.Model;

/// <summary>The input of DescribeTasks: Describes a specified task or tasks.</summary>
public sealed class DescribeTasksRequest
{
    public string? Cluster { get; set; }

    public IList<string>? Tasks { get; set; }

    public IList<string>? Include { get; set; }
}

/// <summary>The output of DescribeTasks.</summary>
public sealed class DescribeTasksResponse
{
    public IList<Task>? Tasks { get; set; }

    public IList<Failure>? Failures { get; set; }
}
