namespace Slipway.Docker;

/// <summary>The manifest media types a registry may answer with; all are accepted on reads.</summary>
public static class ManifestMediaTypes
{
    public const string DockerV2 = "application/vnd.docker.distribution.manifest.v2+json";
    public const string DockerList = "application/vnd.docker.distribution.manifest.list.v2+json";
    public const string OciManifest = "application/vnd.oci.image.manifest.v1+json";
    public const string OciIndex = "application/vnd.oci.image.index.v1+json";

    public static IReadOnlyList<string> All { get; } = [DockerV2, DockerList, OciManifest, OciIndex];
}
