namespace Slipway.Aws.Ecr.Model;

/// <summary>The input of DescribeImages: Returns metadata about the images in a repository.</summary>
public sealed class DescribeImagesRequest
{
    public string? RegistryId { get; set; }

    public string? RepositoryName { get; set; }

    public IList<ImageIdentifier>? ImageIds { get; set; }

    public string? NextToken { get; set; }

    public int? MaxResults { get; set; }

    public DescribeImagesFilter? Filter { get; set; }
}

/// <summary>The output of DescribeImages.</summary>
public sealed class DescribeImagesResponse
{
    public IList<ImageDetail>? ImageDetails { get; set; }

    public string? NextToken { get; set; }
}
