using System.Text;
using System.Text.RegularExpressions;

namespace Slipway.Docker;

/// <summary>
/// One line of a .dockerignore, compiled the way moby's patternmatcher does: <c>*</c> and <c>?</c> never cross
/// a <c>/</c>, <c>**</c> crosses any number of directories (including none), <c>[…]</c> classes and <c>\</c>
/// escapes pass through, and a match on any parent directory counts as a match of the file.
/// </summary>
internal sealed class DockerIgnorePattern
{
    private readonly Regex regex;

    private DockerIgnorePattern(string pattern, bool exclusion, Regex regex)
    {
        Pattern = pattern;
        IsException = exclusion;
        this.regex = regex;
    }

    /// <summary>The cleaned pattern, without its leading <c>!</c>.</summary>
    public string Pattern { get; }

    /// <summary>True for <c>!pattern</c>: a re-inclusion.</summary>
    public bool IsException { get; }

    /// <summary>Parses one line; null for comments and blank lines.</summary>
    public static DockerIgnorePattern? Parse(string line)
    {
        ArgumentNullException.ThrowIfNull(line);

        // As in moby: a comment is a line whose first character is '#', before any trimming.
        if (line.StartsWith('#'))
        {
            return null;
        }

        var pattern = line.Trim();
        if (pattern.Length == 0)
        {
            return null;
        }

        var exception = pattern[0] == '!';
        if (exception)
        {
            pattern = pattern[1..].Trim();
        }

        if (pattern.Length > 0)
        {
            pattern = CleanPath(pattern);
            if (pattern.Length > 1 && pattern[0] == '/')
            {
                pattern = pattern[1..];
            }
        }

        if (exception && pattern.Length == 0)
        {
            throw new FormatException($"illegal exclusion pattern in .dockerignore: \"{line}\"");
        }

        return new DockerIgnorePattern(pattern, exception, new Regex(ToRegex(pattern), RegexOptions.CultureInvariant | RegexOptions.Singleline));
    }

    /// <summary>True when the pattern matches <paramref name="path"/> itself (slash-separated, relative to the context).</summary>
    public bool Matches(string path) => regex.IsMatch(path);

    /// <summary>Go's filepath.Clean for slash paths: collapses <c>//</c>, <c>.</c> and <c>..</c>, drops a trailing <c>/</c>.</summary>
    internal static string CleanPath(string path)
    {
        if (path.Length == 0)
        {
            return ".";
        }

        var rooted = path[0] == '/';
        var parts = new List<string>();
        foreach (var part in path.Split('/'))
        {
            if (part.Length == 0 || part == ".")
            {
                continue;
            }

            if (part == "..")
            {
                if (parts.Count > 0 && parts[^1] != "..")
                {
                    parts.RemoveAt(parts.Count - 1);
                }
                else if (!rooted)
                {
                    parts.Add(part);
                }

                continue;
            }

            parts.Add(part);
        }

        var joined = string.Join('/', parts);
        return rooted ? "/" + joined : joined.Length == 0 ? "." : joined;
    }

    // A transcription of patternmatcher.Pattern.compile (moby/patternmatcher), for '/' separators.
    private static string ToRegex(string pattern)
    {
        var regex = new StringBuilder("^");
        for (var i = 0; i < pattern.Length; i++)
        {
            var ch = pattern[i];
            if (ch == '*')
            {
                if (i + 1 < pattern.Length && pattern[i + 1] == '*')
                {
                    i++;

                    // "**/" behaves as "**": eat the slash.
                    if (i + 1 < pattern.Length && pattern[i + 1] == '/')
                    {
                        i++;
                    }

                    // "**" at the end matches everything below; elsewhere any number of whole directories.
                    regex.Append(i + 1 == pattern.Length ? ".*" : "(.*/)?");
                }
                else
                {
                    regex.Append("[^/]*");
                }
            }
            else if (ch == '?')
            {
                regex.Append("[^/]");
            }
            else if (".+()|{}$".Contains(ch, StringComparison.Ordinal))
            {
                regex.Append('\\').Append(ch);
            }
            else if (ch == '\\')
            {
                if (i + 1 < pattern.Length)
                {
                    i++;
                    regex.Append('\\').Append(pattern[i]);
                }
                else
                {
                    regex.Append(@"\\");
                }
            }
            else
            {
                regex.Append(ch);
            }
        }

        return regex.Append('$').ToString();
    }
}
