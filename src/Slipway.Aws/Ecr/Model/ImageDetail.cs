namespace Slipway.Aws.Ecr.Model;

/// <summary>An object that describes an image returned by a DescribeImages operation.</summary>
public sealed class ImageDetail
{
    public string? RegistryId { get; set; }

    public string? RepositoryName { get; set; }

    public string? ImageDigest { get; set; }

    public IList<string>? ImageTags { get; set; }

    public long? ImageSizeInBytes { get; set; }

    public DateTime? ImagePushedAt { get; set; }

    public string? ImageManifestMediaType { get; set; }

    public string? ArtifactMediaType { get; set; }

    public DateTime? LastRecordedPullTime { get; set; }

    public string? SubjectManifestDigest { get; set; }

    public string? ImageStatus { get; set; }
}
