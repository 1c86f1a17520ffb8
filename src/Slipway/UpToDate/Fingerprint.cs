namespace Slipway.UpToDate;

/// <summary>
/// A target's inputs and outputs at its last successful run, stored as <c>.nuke/temp/fingerprints/&lt;target&gt;.json</c>.
/// Paths are relative to the repository root when inside it; values are SHA-256 hashes (a value may be a secret).
/// </summary>
internal sealed class Fingerprint
{
    public DateTimeOffset Recorded { get; set; }

    /// <summary>The summary note of that run (test counts, the published version): shown again when up to date.</summary>
    public string? Note { get; set; }

    public Dictionary<string, FileStamp> Inputs { get; set; } = new(StringComparer.Ordinal);

    public Dictionary<string, string> Values { get; set; } = new(StringComparer.Ordinal);

    public Dictionary<string, FileStamp> Outputs { get; set; } = new(StringComparer.Ordinal);
}
