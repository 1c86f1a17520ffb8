namespace Slipway.Aws.Ecr.Model;

/// <summary>The input of TagResource: Adds specified tags to a resource with the specified ARN.</summary>
public sealed class TagResourceRequest
{
    public string? ResourceArn { get; set; }

    public IList<Tag>? Tags { get; set; }
}

/// <summary>The output of TagResource.</summary>
public sealed class TagResourceResponse
{
}
