namespace Slipway.Aws.Ecr.Model;

/// <summary>The input of PutImageTagMutability: Updates the image tag mutability settings for the specified repository.</summary>
public sealed class PutImageTagMutabilityRequest
{
    public string? RegistryId { get; set; }

    public string? RepositoryName { get; set; }

    public string? ImageTagMutability { get; set; }

    public IList<ImageTagMutabilityExclusionFilter>? ImageTagMutabilityExclusionFilters { get; set; }
}

/// <summary>The output of PutImageTagMutability.</summary>
public sealed class PutImageTagMutabilityResponse
{
    public string? RegistryId { get; set; }

    public string? RepositoryName { get; set; }

    public string? ImageTagMutability { get; set; }

    public IList<ImageTagMutabilityExclusionFilter>? ImageTagMutabilityExclusionFilters { get; set; }
}
