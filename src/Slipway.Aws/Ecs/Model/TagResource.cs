namespace Slipway.Aws.Ecs.Model;

/// <summary>The input of TagResource: Associates the specified tags to a resource with the specified resourceArn.</summary>
public sealed class TagResourceRequest
{
    public string? ResourceArn { get; set; }

    public IList<Tag>? Tags { get; set; }
}

/// <summary>The output of TagResource.</summary>
public sealed class TagResourceResponse
{
}
