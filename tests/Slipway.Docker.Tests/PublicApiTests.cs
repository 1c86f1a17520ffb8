using System.Reflection;

namespace Slipway.Docker.Tests;

/// <summary>
/// The public surface of Slipway.Docker is tracked in PublicApi.txt (as Bullseye tracks its own): a change to
/// it shows up in review as a change to that file. On a mismatch the test writes PublicApi.received.txt.
/// </summary>
public sealed class PublicApiTests
{
    [Fact]
    public async Task Public_api_is_the_one_in_PublicApi_txt()
    {
        var directory = Path.Combine(RepositoryRoot.Find(), "tests", "Slipway.Docker.Tests");
        var actual = string.Join('\n', Describe(typeof(DockerEngine).Assembly)) + "\n";
        var approved = await File.ReadAllTextAsync(Path.Combine(directory, "PublicApi.txt"));

        if (approved.ReplaceLineEndings("\n") != actual)
        {
            await File.WriteAllTextAsync(Path.Combine(directory, "PublicApi.received.txt"), actual);
        }

        Assert.Equal(approved.ReplaceLineEndings("\n"), actual);
    }

    private static IEnumerable<string> Describe(Assembly assembly)
    {
        const BindingFlags flags = BindingFlags.Public | BindingFlags.Instance | BindingFlags.Static | BindingFlags.DeclaredOnly;
        foreach (var type in assembly.GetExportedTypes().OrderBy(t => t.FullName, StringComparer.Ordinal))
        {
            var kind = type.IsEnum ? "enum" : type.IsInterface ? "interface" : type.IsValueType ? "struct" : type.IsAbstract && type.IsSealed ? "static class" : "class";
            yield return $"{kind} {type.FullName}";
            var members = type.GetMembers(flags)
                .Where(m => m is not MethodInfo { IsSpecialName: true })
                .Where(m => !IsCompilerGenerated(m))
                .Select(m => "  " + m.MemberType.ToString().ToLowerInvariant() + " " + m.ToString())
                .Order(StringComparer.Ordinal);
            foreach (var member in members)
            {
                yield return member;
            }
        }
    }

    private static bool IsCompilerGenerated(MemberInfo member) =>
        member.Name is "<Clone>$" or "EqualityContract" or "Deconstruct" or "PrintMembers" or "op_Equality" or "op_Inequality"
        || member.GetCustomAttribute<System.Runtime.CompilerServices.CompilerGeneratedAttribute>() is not null;
}
