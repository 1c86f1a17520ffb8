namespace Slipway.Aws.Ecr.Model;

/// <summary>The input of BatchDeleteImage: Deletes a list of specified images within a repository.</summary>
public sealed class BatchDeleteImageRequest
{
    public string? RegistryId { get; set; }

    public string? RepositoryName { get; set; }

    public IList<ImageIdentifier>? ImageIds { get; set; }
}

/// <summary>The output of BatchDeleteImage.</summary>
public sealed class BatchDeleteImageResponse
{
    public IList<ImageIdentifier>? ImageIds { get; set; }

    public IList<ImageFailure>? Failures { get; set; }
}
