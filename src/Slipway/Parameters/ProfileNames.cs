using System.Text.RegularExpressions;

namespace Slipway.Parameters;

/// <summary>
/// <c>--profile</c> names a file <c>.nuke/parameters.&lt;name&gt;.json</c>: a bare <c>--profile</c>, an empty name
/// or one that is a path (<c>../x</c>) is a usage error, as an empty value is for any parameter.
/// </summary>
internal static partial class ProfileNames
{
    public static IReadOnlyList<string> Check(IReadOnlyList<string>? given, IReadOnlyList<string> available)
    {
        if (given is null)
        {
            return [];
        }

        var choices = available.Count > 0 ? $"Available profiles: {string.Join(", ", available)}." : "Create .nuke/parameters.<name>.json to define one.";
        if (given.Count == 0)
        {
            throw new UsageException($"--profile needs a value: one or more profile names. {choices}");
        }

        foreach (var name in given)
        {
            if (string.IsNullOrWhiteSpace(name))
            {
                throw new UsageException($"--profile is empty. Give a profile name, or leave --profile out. {choices}");
            }

            if (!Pattern().IsMatch(name) || name.Contains("..", StringComparison.Ordinal))
            {
                throw new UsageException($"--profile '{name}' is not a profile name: use letters, digits, '-', '_' or '.' (no paths); it names .nuke/parameters.<name>.json. {choices}");
            }
        }

        return given;
    }

    [GeneratedRegex("^[A-Za-z0-9][A-Za-z0-9._-]*$")]
    private static partial Regex Pattern();
}
