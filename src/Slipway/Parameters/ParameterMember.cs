using System.Reflection;

namespace Slipway.Parameters;

/// <summary>A <c>[Parameter]</c> field or property: its names in every source and how to store its value.</summary>
internal sealed class ParameterMember
{
    private IReadOnlyList<string>? allowedValues;

    private ParameterMember(MemberInfo member, ParameterAttribute attribute, Type type, bool isSecret)
    {
        Member = member;
        Name = attribute.Name ?? member.Name;
        Description = attribute.Description;
        ValueProviderMember = attribute.ValueProviderMember;
        Type = type;
        IsSecret = isSecret;
        Format = member.GetCustomAttribute<ParameterFormatAttribute>(inherit: true);
        RequiredCompanion = member.GetCustomAttribute<RequiresParameterAttribute>()?.OtherParameter;
    }

    /// <summary>The shape its text must have, if the member declares one.</summary>
    public ParameterFormatAttribute? Format { get; }

    /// <summary>The parameter it needs beside it, if any (a password needs a user name).</summary>
    public string? RequiredCompanion { get; }

    public MemberInfo Member { get; }

    /// <summary>PascalCase name, as in parameters.json.</summary>
    public string Name { get; }

    public string CommandLineName => ParameterNames.ToKebabCase(Name);

    public string EnvironmentVariable => ParameterNames.ToEnvironmentVariable(Name);

    public string Key => ParameterNames.Normalize(Name);

    public string? Description { get; }

    public Type Type { get; }

    public bool IsSecret { get; }

    /// <summary>The member that lists the allowed values, if the attribute names one.</summary>
    public string? ValueProviderMember { get; }

    /// <summary>A default interface property has no storage: its getter reads the value store instead.</summary>
    public bool IsStoredOnInstance => Member is FieldInfo || Member is PropertyInfo { CanWrite: true } && !Member.DeclaringType!.IsInterface;

    public static IReadOnlyList<ParameterMember> Discover(Type buildType)
    {
        const BindingFlags flags = BindingFlags.Instance | BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.DeclaredOnly;
        var members = new List<MemberInfo>();
        for (var type = buildType; type is not null && type != typeof(object); type = type.BaseType)
        {
            members.AddRange(type.GetFields(flags));
            members.AddRange(type.GetProperties(flags));
        }

        members.AddRange(buildType.GetInterfaces().SelectMany(i => i.GetProperties(flags)));
        var found = new Dictionary<string, ParameterMember>(StringComparer.Ordinal);
        foreach (var member in members)
        {
            if (member.GetCustomAttribute<ParameterAttribute>() is not { } attribute)
            {
                continue;
            }

            var type = member is FieldInfo field ? field.FieldType : ((PropertyInfo)member).PropertyType;
            var parameter = new ParameterMember(member, attribute, type, member.GetCustomAttribute<SecretAttribute>() is not null);
            found.TryAdd(parameter.Key, parameter); // The most derived declaration wins.
        }

        return [.. found.Values.OrderBy(p => p.Name, StringComparer.Ordinal)];
    }

    /// <summary>The allowed values from <see cref="ValueProviderMember"/> (read once per run), or null when any value of the type goes.</summary>
    public IReadOnlyList<string>? AllowedValues(object build) =>
        ValueProviderMember is null ? null : allowedValues ??= ValueProvider.Read(Member, ValueProviderMember, build);

    /// <summary>True when <paramref name="member"/> is this parameter's field or property, however it was reflected.</summary>
    public bool Declares(MemberInfo member) =>
        member.Name == Member.Name && member.DeclaringType == Member.DeclaringType;

    public void Store(object build, object? value)
    {
        switch (Member)
        {
            case FieldInfo field:
                field.SetValue(build, value);
                break;
            case PropertyInfo property when IsStoredOnInstance:
                property.SetValue(build, value);
                break;
        }
    }

    public object? Read(object build) =>
        Member switch
        {
            FieldInfo field => field.GetValue(build),
            PropertyInfo property => property.GetValue(build),
            _ => null,
        };
}
