namespace Slipway.Docker;

/// <summary>
/// An image reference split the way Docker splits it: <c>[registry/]repository[:tag][@digest]</c>, where the
/// first component is a registry only when it has a <c>.</c> or <c>:</c> or is <c>localhost</c>.
/// </summary>
public sealed record ImageReference(string Registry, string Repository, string? Tag, string? Digest)
{
    public const string DockerHub = "docker.io";

    /// <summary><c>registry/repository</c>, as <c>docker push</c> and RepoDigests spell it.</summary>
    public string Name => $"{Registry}/{Repository}";

    /// <summary>The digest if there is one, else the tag, else <c>latest</c>: what goes after <c>/manifests/</c>.</summary>
    public string Reference => Digest ?? Tag ?? "latest";

    public static ImageReference Parse(string reference)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(reference);
        string? digest = null;
        var at = reference.IndexOf('@', StringComparison.Ordinal);
        var rest = reference;
        if (at >= 0)
        {
            digest = reference[(at + 1)..];
            rest = reference[..at];
        }

        string? tag = null;
        var colon = rest.LastIndexOf(':');
        if (colon > rest.LastIndexOf('/'))
        {
            tag = rest[(colon + 1)..];
            rest = rest[..colon];
        }

        if (rest.StartsWith('/') || rest.EndsWith('/') || rest.Contains("//", StringComparison.Ordinal))
        {
            throw new ArgumentException($"'{reference}' is not an image reference: a name part is empty (e.g. registry.example.com/team/api:1.0)", nameof(reference));
        }

        var slash = rest.IndexOf('/', StringComparison.Ordinal);
        // Stryker disable once Equality : slash is never 0 here (a leading '/' is refused above), so < and <= agree
        var first = slash < 0 ? null : rest[..slash];
        if (first is not null && (first.Contains('.', StringComparison.Ordinal) || first.Contains(':', StringComparison.Ordinal) || first == "localhost"))
        {
            return new ImageReference(first, rest[(slash + 1)..], tag, digest);
        }

        // Stryker disable once Equality : as above, slash is never 0
        return new ImageReference(DockerHub, slash < 0 ? $"library/{rest}" : rest, tag, digest);
    }

    public override string ToString() => Name + (Tag is null ? "" : $":{Tag}") + (Digest is null ? "" : $"@{Digest}");
}
