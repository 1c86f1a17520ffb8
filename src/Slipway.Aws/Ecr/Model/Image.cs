namespace Slipway.Aws.Ecr.Model;

/// <summary>An object representing an Amazon ECR image.</summary>
public sealed class Image
{
    public string? RegistryId { get; set; }

    public string? RepositoryName { get; set; }

    public ImageIdentifier? ImageId { get; set; }

    public string? ImageManifest { get; set; }

    public string? ImageManifestMediaType { get; set; }
}
