namespace Slipway.Aws.Ecs.Model;

/// <summary>The input of DescribeTaskDefinition: Describes a task definition.</summary>
public sealed class DescribeTaskDefinitionRequest
{
    public string? TaskDefinition { get; set; }

    public IList<string>? Include { get; set; }
}

/// <summary>The output of DescribeTaskDefinition.</summary>
public sealed class DescribeTaskDefinitionResponse
{
    public TaskDefinition? TaskDefinition { get; set; }

    public IList<Tag>? Tags { get; set; }
}
