namespace Slipway.Aws.Ecs.Model;

/// <summary>The input of ListTagsForResource: List the tags for an Amazon ECS resource.</summary>
public sealed class ListTagsForResourceRequest
{
    public string? ResourceArn { get; set; }
}

/// <summary>The output of ListTagsForResource.</summary>
public sealed class ListTagsForResourceResponse
{
    public IList<Tag>? Tags { get; set; }
}
