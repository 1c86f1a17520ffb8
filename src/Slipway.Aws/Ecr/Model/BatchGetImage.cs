namespace Slipway.Aws.Ecr.Model;

/// <summary>The input of BatchGetImage: Gets detailed information for an image.</summary>
public sealed class BatchGetImageRequest
{
    public string? RegistryId { get; set; }

    public string? RepositoryName { get; set; }

    public IList<ImageIdentifier>? ImageIds { get; set; }

    public IList<string>? AcceptedMediaTypes { get; set; }
}

/// <summary>The output of BatchGetImage.</summary>
public sealed class BatchGetImageResponse
{
    public IList<Image>? Images { get; set; }

    public IList<ImageFailure>? Failures { get; set; }
}
