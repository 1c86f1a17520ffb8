namespace Slipway.Aws.Ecr.Model;

/// <summary>The input of CreateRepository: Creates a repository.</summary>
public sealed class CreateRepositoryRequest
{
    public string? RegistryId { get; set; }

    public string? RepositoryName { get; set; }

    public IList<Tag>? Tags { get; set; }

    public string? ImageTagMutability { get; set; }

    public IList<ImageTagMutabilityExclusionFilter>? ImageTagMutabilityExclusionFilters { get; set; }

    public ImageScanningConfiguration? ImageScanningConfiguration { get; set; }

    public EncryptionConfiguration? EncryptionConfiguration { get; set; }
}

/// <summary>The output of CreateRepository.</summary>
public sealed class CreateRepositoryResponse
{
    public Repository? Repository { get; set; }
}
