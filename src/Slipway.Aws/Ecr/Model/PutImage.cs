namespace Slipway.Aws.Ecr.Model;

/// <summary>The input of PutImage: Creates or updates the image manifest and tags associated with an image.</summary>
public sealed class PutImageRequest
{
    public string? RegistryId { get; set; }

    public string? RepositoryName { get; set; }

    public string? ImageManifest { get; set; }

    public string? ImageManifestMediaType { get; set; }

    public string? ImageTag { get; set; }

    public string? ImageDigest { get; set; }
}

/// <summary>The output of PutImage.</summary>
public sealed class PutImageResponse
{
    public Image? Image { get; set; }
}
