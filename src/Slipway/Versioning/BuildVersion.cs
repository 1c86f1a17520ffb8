namespace Slipway.Versioning;

/// <summary>The version of this build: SemVer from git tags and the commit it was built from.</summary>
/// <param name="SemVer">e.g. <c>1.4.0</c> on a tag, <c>1.4.1-alpha.0.3</c> three commits after it.</param>
/// <param name="Commit">The full commit id, or <c>unknown</c> outside git.</param>
public sealed record BuildVersion(string SemVer, string Commit)
{
    public const string UnknownCommit = "unknown";

    /// <summary>When the commit was made: a reproducible "created" time, unlike the time of the build.</summary>
    public DateTimeOffset? CommitTime { get; init; }

    /// <summary>The <c>origin</c> remote without any credentials in it, for the image's source label.</summary>
    public Uri? SourceUrl { get; init; }

    /// <summary>The first 12 characters of the commit: unique in practice and short enough for an image tag.</summary>
    public string ShortCommit => Commit.Length > 12 ? Commit[..12] : Commit;

    /// <summary><c>1.4.0+abc123def456</c>, the assembly's informational version.</summary>
    public string InformationalVersion => $"{SemVer}+{ShortCommit}";

    /// <summary>A Docker tag may not contain '+': SemVer build metadata is dropped there.</summary>
    public string DockerTag => SemVer;

    public override string ToString() => InformationalVersion;
}
