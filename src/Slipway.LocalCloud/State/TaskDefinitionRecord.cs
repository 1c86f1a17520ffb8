using Slipway.Aws.Ecs.Model;

namespace Slipway.LocalCloud.State;

/// <summary>One revision of a family: the definition as DescribeTaskDefinition returns it, and its tags.</summary>
internal sealed class TaskDefinitionRecord
{
    public TaskDefinition Definition { get; set; } = new();

    public List<Tag> Tags { get; set; } = [];
}
