using System.Globalization;

namespace Slipway.Docker;

/// <summary>The OCI image annotations (<c>org.opencontainers.image.*</c>) the build puts on every image.</summary>
public static class OciLabels
{
    public const string Version = "org.opencontainers.image.version";
    public const string Revision = "org.opencontainers.image.revision";
    public const string Created = "org.opencontainers.image.created";
    public const string Source = "org.opencontainers.image.source";
    public const string Title = "org.opencontainers.image.title";

    /// <summary>
    /// The labels for one build. Pass the commit time as <paramref name="created"/>, not the current time:
    /// labels become the last layer-less step of the build, so a value that changes every run would give a new
    /// image ID and digest for identical content, and a second push would never be a no-op.
    /// </summary>
    public static IReadOnlyDictionary<string, string> Create(string version, string revision, DateTimeOffset created, string? source, string title)
    {
        var labels = new Dictionary<string, string>
        {
            [Version] = version,
            [Revision] = revision,
            [Created] = created.ToUniversalTime().ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture),
            [Title] = title,
        };
        if (!string.IsNullOrWhiteSpace(source))
        {
            labels[Source] = source;
        }

        return labels;
    }
}
