namespace Slipway.Aws.Ecr.Model;

/// <summary>An object representing a repository.</summary>
public sealed class Repository
{
    public string? RepositoryArn { get; set; }

    public string? RegistryId { get; set; }

    public string? RepositoryName { get; set; }

    public string? RepositoryUri { get; set; }

    public DateTime? CreatedAt { get; set; }

    public string? ImageTagMutability { get; set; }

    public IList<ImageTagMutabilityExclusionFilter>? ImageTagMutabilityExclusionFilters { get; set; }

    public ImageScanningConfiguration? ImageScanningConfiguration { get; set; }

    public EncryptionConfiguration? EncryptionConfiguration { get; set; }
}
