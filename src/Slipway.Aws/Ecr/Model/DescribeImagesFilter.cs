namespace Slipway.Aws.Ecr.Model;

/// <summary>An object representing a filter on a DescribeImages operation.</summary>
public sealed class DescribeImagesFilter
{
    public string? TagStatus { get; set; }

    public string? ImageStatus { get; set; }
}
