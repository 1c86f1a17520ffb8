namespace Slipway;

/// <summary>
/// Marks a field or property (of the build class or of a component interface) as a build parameter:
/// <c>--kebab-case</c> on the command line, <c>SLIPWAY_UPPER_SNAKE</c> in the environment, <c>PascalCase</c> in
/// <c>.nuke/parameters*.json</c>.
/// </summary>
[AttributeUsage(AttributeTargets.Field | AttributeTargets.Property)]
public sealed class ParameterAttribute : Attribute
{
    public ParameterAttribute(string? description = null)
    {
        Description = description;
    }

    public string? Description { get; }

    /// <summary>Overrides the member name as the parameter's name (PascalCase).</summary>
    public string? Name { get; init; }

    /// <summary>
    /// A member of the same class or component interface (property or parameterless method, static or instance)
    /// that returns the allowed values as <c>IEnumerable&lt;string&gt;</c>, as in NUKE. They are listed by
    /// <c>--help</c> and in <c>.nuke/build.schema.json</c>; any other value is a usage error with a suggestion.
    /// </summary>
    public string? ValueProviderMember { get; init; }
}
