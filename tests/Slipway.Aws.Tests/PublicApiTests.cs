using System.Reflection;
using System.Runtime.CompilerServices;
using System.Text;
using Slipway.Aws.Transport;

namespace Slipway.Aws.Tests;

/// <summary>
/// The public surface of Slipway.Aws is tracked in PublicApi.txt, so that a change to it is a visible diff in review.
/// When it changes on purpose, copy PublicApi.received.txt over PublicApi.txt.
/// </summary>
public sealed class PublicApiTests
{
    [Fact]
    public void The_public_api_is_the_one_recorded_in_PublicApi_txt()
    {
        var directory = SourceDirectory();
        var actual = Render(typeof(AwsJson).Assembly);
        var approvedPath = Path.Combine(directory, "PublicApi.txt");
        var approved = File.Exists(approvedPath) ? File.ReadAllText(approvedPath).ReplaceLineEndings("\n") : "";

        if (approved != actual)
        {
            File.WriteAllText(Path.Combine(directory, "PublicApi.received.txt"), actual);
        }

        Assert.Equal(approved, actual);
    }

    private static string SourceDirectory([CallerFilePath] string path = "") => Path.GetDirectoryName(path)!;

    private static string Render(Assembly assembly)
    {
        var text = new StringBuilder();
        foreach (var type in assembly.GetExportedTypes().OrderBy(t => t.FullName, StringComparer.Ordinal))
        {
            var kind = type.IsInterface ? "interface" : type.IsEnum ? "enum" : type.IsValueType ? "struct" : type is { IsAbstract: true, IsSealed: true } ? "static class" : "class";
            var bases = new[] { type.BaseType }.Where(b => b is not null && b != typeof(object) && b != typeof(ValueType)).Select(b => Name(b!)).Concat(type.GetInterfaces().Where(i => !(i.Namespace ?? "").StartsWith("System", StringComparison.Ordinal)).Select(Name));
            text.Append(kind).Append(' ').Append(type.FullName);
            var baseList = string.Join(", ", bases);
            text.Append(baseList.Length > 0 ? " : " + baseList : "").Append('\n');
            var members = type.GetMembers(BindingFlags.Public | BindingFlags.Instance | BindingFlags.Static | BindingFlags.DeclaredOnly)
                .Where(m => m is not MethodInfo { IsSpecialName: true } && !(m is MethodInfo method && IsRecordPlumbing(method)))
                .Select(Member)
                .Order(StringComparer.Ordinal);
            foreach (var member in members)
            {
                text.Append("  ").Append(member).Append('\n');
            }
        }

        return text.ToString();
    }

    private static bool IsRecordPlumbing(MethodInfo method)
        => method.Name is "<Clone>$" or "Equals" or "GetHashCode" or "ToString" or "Deconstruct" or "PrintMembers";

    private static string Member(MemberInfo member) => member switch
    {
        ConstructorInfo c => $"ctor({Parameters(c)})",
        PropertyInfo p => $"{Name(p.PropertyType)} {p.Name} {{ {(p.GetMethod is { IsPublic: true } ? "get; " : "")}{(p.SetMethod is { IsPublic: true } ? "set; " : "")}}}",
        MethodInfo m => $"{(m.IsStatic ? "static " : "")}{Name(m.ReturnType)} {m.Name}{(m.IsGenericMethod ? "<" + string.Join(", ", m.GetGenericArguments().Select(Name)) + ">" : "")}({Parameters(m)})",
        FieldInfo f => $"{(f.IsLiteral ? "const " : f.IsStatic ? "static " : "")}{Name(f.FieldType)} {f.Name}",
        Type t => $"nested {t.Name}",
        _ => member.ToString() ?? member.Name,
    };

    private static string Parameters(MethodBase method)
        => string.Join(", ", method.GetParameters().Select(p => $"{Name(p.ParameterType)} {p.Name}{(p.HasDefaultValue ? " = default" : "")}"));

    private static string Name(Type type)
    {
        if (Nullable.GetUnderlyingType(type) is { } underlying)
        {
            return Name(underlying) + "?";
        }

        if (!type.IsGenericType)
        {
            return type.Name;
        }

        var name = type.Name[..type.Name.IndexOf('`', StringComparison.Ordinal)];
        return $"{name}<{string.Join(", ", type.GetGenericArguments().Select(Name))}>";
    }
}
