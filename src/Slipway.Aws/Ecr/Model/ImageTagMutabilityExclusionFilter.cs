namespace Slipway.Aws.Ecr.Model;

/// <summary>A filter that specifies which image tags should be excluded from the repository's image tag mutability setting.</summary>
public sealed class ImageTagMutabilityExclusionFilter
{
    public string? FilterType { get; set; }

    public string? Filter { get; set; }
}
