namespace Slipway;

/// <summary>
/// A parameter that means nothing without another one (a password without a user name): giving it alone is a
/// usage error before anything runs, instead of a value silently dropped.
/// </summary>
[AttributeUsage(AttributeTargets.Field | AttributeTargets.Property)]
public sealed class RequiresParameterAttribute : Attribute
{
    public RequiresParameterAttribute(string otherParameter)
    {
        OtherParameter = otherParameter;
    }

    /// <summary>The other parameter's name (its member name or <c>[Parameter(Name = ...)]</c>).</summary>
    public string OtherParameter { get; }
}
