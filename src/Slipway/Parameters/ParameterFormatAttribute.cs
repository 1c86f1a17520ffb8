namespace Slipway;

/// <summary>
/// The shape a text parameter's value must have, checked while parameters are bound, before any target runs: a
/// value that does not fit is a usage error (exit 2) naming the parameter, the problem and a valid example.
/// Libraries derive from it (an image reference, a registry host) so the engine stays free of their rules.
/// </summary>
[AttributeUsage(AttributeTargets.Field | AttributeTargets.Property)]
public abstract class ParameterFormatAttribute : Attribute
{
    /// <summary>What a valid value looks like, e.g. "host[:port], such as 127.0.0.1:5000".</summary>
    public abstract string Expected { get; }

    /// <summary>Why <paramref name="value"/> does not fit, or null when it does.</summary>
    public abstract string? Problem(string value);
}
