using System.Globalization;
using System.Text;

namespace Slipway.Tools.AwsModelGenerator;

/// <summary>C# names for the model's names, as AWSSDK spells them.</summary>
internal static class Naming
{
    /// <summary>A member name with its first letter upper-cased: <c>enableECSManagedTags</c> → <c>EnableECSManagedTags</c>.</summary>
    public static string Property(string member)
        => member.Length == 0 ? member : char.ToUpperInvariant(member[0]) + member[1..];

    /// <summary>
    /// An enum value as a constant name: words split at <c>_ - . : /</c> and spaces, each word capitalised, a word in
    /// capitals lower-cased after its first letter (<c>X86_64</c> → <c>X8664</c>, <c>json-file</c> → <c>JsonFile</c>,
    /// <c>containerInsights</c> → <c>ContainerInsights</c>).
    /// </summary>
    public static string Constant(string value)
    {
        var name = new StringBuilder();
        foreach (var word in value.Split(['_', '-', '.', ':', '/', ' ', '+'], StringSplitOptions.RemoveEmptyEntries))
        {
            var shouted = !word.Any(char.IsLower);
            name.Append(char.ToUpperInvariant(word[0]));
            name.Append(shouted ? word[1..].ToLowerInvariant() : word[1..]);
        }

        var result = name.ToString();
        return result.Length == 0 || !char.IsLetter(result[0]) ? "Value" + result : result;
    }

    public static string Literal(string text)
    {
        var literal = new StringBuilder("\"");
        foreach (var c in text)
        {
            literal.Append(c switch
            {
                '"' => "\\\"",
                '\\' => "\\\\",
                '\n' => "\\n",
                '\r' => "\\r",
                '\t' => "\\t",
                _ when char.IsControl(c) => "\\u" + ((int)c).ToString("x4", CultureInfo.InvariantCulture),
                _ => c.ToString(),
            });
        }

        return literal.Append('"').ToString();
    }
}
