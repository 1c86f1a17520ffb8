namespace Slipway.Aws.Ecr.Model;

/// <summary>An object with identifying information for an image in an Amazon ECR repository.</summary>
public sealed class ImageIdentifier
{
    public string? ImageDigest { get; set; }

    public string? ImageTag { get; set; }
}
