namespace Slipway.UpToDate;

/// <summary>What <c>--force</c> asked for: nothing, every target (no names), or the named ones.</summary>
internal sealed record ForceRequest(bool All, IReadOnlyList<string> Names)
{
    public static readonly ForceRequest None = new(false, []);

    public static ForceRequest From(IReadOnlyList<string>? values) =>
        values switch
        {
            null => None,
            [] => new ForceRequest(true, []),
            _ => new ForceRequest(false, values),
        };

    public bool Covers(string target) => All || Names.Contains(target, StringComparer.OrdinalIgnoreCase);
}
