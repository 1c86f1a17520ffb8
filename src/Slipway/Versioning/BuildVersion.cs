namespace Slipway.Versioning;

/// <summary>The version of this build: SemVer from git tags (as MinVer computes it) and the commit it was built from.</summary>
/// <param name="SemVer">e.g. <c>1.4.0</c> on a tag, <c>1.4.1-alpha.0.3</c> three commits after it.</param>
/// <param name="Commit">The full commit id, or <c>unknown</c> outside git and before the first commit.</param>
public sealed record BuildVersion(string SemVer, string Commit)
{
    public const string UnknownCommit = "unknown";

    /// <summary>When the commit was made: a reproducible "created" time, unlike the time of the build.</summary>
    public DateTimeOffset? CommitTime { get; init; }

    /// <summary>The <c>origin</c> remote without any credentials in it, for the image's source label.</summary>
    public Uri? SourceUrl { get; init; }

    /// <summary>
    /// Why this version may not be the one the tags say (outside git, no commit yet, a shallow clone), each with
    /// how to fix it; empty when the version is trustworthy.
    /// </summary>
    public IReadOnlyList<string> Warnings { get; init; } = [];

    /// <summary>The first 12 characters of the commit: unique in practice and short enough for an image tag.</summary>
    public string ShortCommit => Commit.Length > 12 ? Commit[..12] : Commit;

    /// <summary>
    /// The assembly's informational version as the .NET SDK writes it from the MinVer version and the commit
    /// (<c>SourceRevisionId</c>): <c>1.4.0+&lt;commit&gt;</c>, or <c>1.4.0+build.5.&lt;commit&gt;</c> when the
    /// version has build metadata already; the version alone when there is no commit.
    /// </summary>
    public string InformationalVersion => Commit == UnknownCommit
        ? SemVer
        : $"{SemVer}{(SemVer.Contains('+', StringComparison.Ordinal) ? '.' : '+')}{Commit}";

    /// <summary>
    /// The version as an image tag. A Docker tag allows <c>[A-Za-z0-9_.-]</c> only, so the <c>+</c> of SemVer
    /// build metadata becomes <c>_</c> (<c>1.0.0+build.5</c> → <c>1.0.0_build.5</c>); without metadata it is the version.
    /// </summary>
    public string DockerTag => SemVer.Replace('+', '_');

    public override string ToString() => InformationalVersion;
}
