using System.Reflection;

namespace Slipway.Parameters;

/// <summary>The converted value of every parameter that got one.</summary>
internal sealed class ParameterValues
{
    private readonly Dictionary<string, (ParameterMember Member, object? Value)> values = new(StringComparer.Ordinal);

    public void Set(ParameterMember member, object? value) => values[member.Key] = (member, value);

    /// <summary>By parameter name (as spelled in any source, or the attribute's <c>Name</c>).</summary>
    public bool TryGet(string name, out object? value)
    {
        if (values.TryGetValue(ParameterNames.Normalize(name), out var entry))
        {
            value = entry.Value;
            return true;
        }

        value = null;
        return false;
    }

    /// <summary>
    /// By the member that declares the parameter, as <c>TryGetValue(() =&gt; Member)</c> reads it: the value is
    /// stored under the parameter's name, which <c>[Parameter(Name = ...)]</c> may make differ from the member's.
    /// </summary>
    public bool TryGet(MemberInfo? member, out object? value)
    {
        foreach (var entry in values.Values)
        {
            if (member is not null && entry.Member.Declares(member))
            {
                value = entry.Value;
                return true;
            }
        }

        value = null;
        return false;
    }
}
