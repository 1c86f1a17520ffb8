using System.Text;

namespace Slipway.Parameters;

/// <summary>One parameter's spellings in each source.</summary>
internal static class ParameterNames
{
    /// <summary>The only environment variables read as parameters start with this, so a generic TARGET or
    /// ENVIRONMENT set for some other tool never changes the build by accident.</summary>
    public const string EnvironmentPrefix = "SLIPWAY_";

    public static string ToKebabCase(string name) => Join(Words(name), '-').ToLowerInvariant();

    public static string ToEnvironmentVariable(string name) => EnvironmentPrefix + Join(Words(name), '_').ToUpperInvariant();

    /// <summary>A comparable key: case and separators removed, so <c>--base-image</c>, <c>BaseImage</c> and
    /// <c>SLIPWAY_BASE_IMAGE</c> (after the prefix) meet.</summary>
    public static string Normalize(string name)
    {
        var builder = new StringBuilder(name.Length);
        foreach (var c in name.Where(char.IsLetterOrDigit))
        {
            builder.Append(char.ToLowerInvariant(c));
        }

        return builder.ToString();
    }

    private static List<string> Words(string name)
    {
        var words = new List<string>();
        var current = new StringBuilder();
        for (var i = 0; i < name.Length; i++)
        {
            var c = name[i];
            if (c is '-' or '_' or ' ')
            {
                Flush();
                continue;
            }

            var startsWord = char.IsUpper(c) && current.Length > 0
                && (char.IsLower(name[i - 1]) || char.IsDigit(name[i - 1]) || (i + 1 < name.Length && char.IsLower(name[i + 1])));
            if (startsWord)
            {
                Flush();
            }

            current.Append(c);
        }

        Flush();
        return words;

        void Flush()
        {
            if (current.Length > 0)
            {
                words.Add(current.ToString());
                current.Clear();
            }
        }
    }

    private static string Join(List<string> words, char separator) => string.Join(separator, words);
}
