namespace Slipway.Planning;

/// <summary>What <c>--skip</c> asked for: nothing, every target that was not invoked, or the named ones.</summary>
internal sealed record SkipRequest(bool SkipAllNotInvoked, IReadOnlyList<string> Names)
{
    public static readonly SkipRequest None = new(false, []);

    public static SkipRequest From(IReadOnlyList<string>? values) =>
        values switch
        {
            null => None,
            [] => new SkipRequest(true, []),
            _ => new SkipRequest(false, values),
        };
}
