namespace Slipway.Parameters;

/// <summary>The converted value of every parameter that got one, and where it came from.</summary>
internal sealed class ParameterValues
{
    private readonly Dictionary<string, (ParameterMember Member, object? Value, string Source)> values = new(StringComparer.Ordinal);

    public void Set(ParameterMember member, object? value, string source) => values[member.Key] = (member, value, source);

    public bool TryGet(string memberName, out object? value)
    {
        if (values.TryGetValue(ParameterNames.Normalize(memberName), out var entry))
        {
            value = entry.Value;
            return true;
        }

        value = null;
        return false;
    }

    public string? SourceOf(string memberName) =>
        values.TryGetValue(ParameterNames.Normalize(memberName), out var entry) ? entry.Source : null;
}
