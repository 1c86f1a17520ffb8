namespace Slipway.Parameters;

/// <summary>A parameter value as text, before conversion, and where it came from (for error messages).</summary>
/// <param name="Values">The words given; empty for a bare flag such as <c>--push</c>.</param>
/// <param name="Source">Where it was found, e.g. <c>--timeout</c>, <c>SLIPWAY_TIMEOUT</c>, <c>.nuke/parameters.json: Timeout</c>.</param>
internal sealed record RawValue(IReadOnlyList<string> Values, string Source)
{
    public bool IsBareFlag => Values.Count == 0;
}
