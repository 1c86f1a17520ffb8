namespace Slipway.UpToDate;

/// <summary>
/// Whether a target may be skipped as up to date, and why (or why it runs); <see cref="Inputs"/> is the fingerprint
/// of its inputs taken before it runs, recorded once it succeeded (null when they could not be read).
/// </summary>
internal sealed record UpToDateDecision(bool IsUpToDate, string Reason, Fingerprint? Inputs);
