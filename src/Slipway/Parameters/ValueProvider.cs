using System.Reflection;

namespace Slipway.Parameters;

/// <summary>
/// Reads the allowed values of a parameter from the member its <c>ValueProviderMember</c> names: a property or
/// parameterless method, static or instance, declared next to the parameter (a component's default member
/// included) or anywhere on the build class.
/// </summary>
internal static class ValueProvider
{
    private const BindingFlags Any = BindingFlags.Instance | BindingFlags.Static | BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.FlattenHierarchy;

    public static IReadOnlyList<string> Read(MemberInfo parameter, string providerName, object build)
    {
        var provider = Find(parameter.DeclaringType!, providerName) ?? Find(build.GetType(), providerName)
            ?? throw new UsageException(
                $"Parameter {parameter.DeclaringType!.Name}.{parameter.Name} names ValueProviderMember \"{providerName}\", but {parameter.DeclaringType.Name} has no property or parameterless method of that name.");
        object? values;
        try
        {
            values = provider switch
            {
                PropertyInfo property => property.GetValue(property.GetMethod!.IsStatic ? null : build),
                MethodInfo method => method.Invoke(method.IsStatic ? null : build, null),
                _ => null,
            };
        }
        catch (TargetInvocationException exception) when (exception.InnerException is not null)
        {
            throw new UsageException($"The allowed values of --{ParameterNames.ToKebabCase(parameter.Name)} could not be listed ({providerName} failed): {exception.InnerException.Message}", exception.InnerException);
        }

        return values is IEnumerable<string> list
            ? [.. list.Where(v => !string.IsNullOrWhiteSpace(v)).Distinct(StringComparer.Ordinal)]
            : throw new UsageException($"ValueProviderMember \"{providerName}\" of {parameter.Name} must return IEnumerable<string>, not {(values?.GetType().Name ?? "null")}.");
    }

    private static MemberInfo? Find(Type type, string name)
    {
        foreach (var candidate in type.GetInterfaces().Prepend(type))
        {
            var property = candidate.GetProperty(name, Any);
            if (property is not null && property.GetIndexParameters().Length == 0)
            {
                return property;
            }

            var method = candidate.GetMethods(Any).FirstOrDefault(m => m.Name == name && m.GetParameters().Length == 0);
            if (method is not null)
            {
                return method;
            }
        }

        return null;
    }
}
