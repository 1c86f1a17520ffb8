namespace Slipway.Paths;

/// <summary>
/// Matches relative patterns against the file system below a directory, as NUKE's <c>GlobDirectories</c> does:
/// <c>*</c> and <c>?</c> within a name, <c>**</c> for any number of directories (<c>src/**/bin</c>).
/// A directory that matches is not searched further (no <c>bin/</c> inside <c>bin/</c>).
/// </summary>
internal static class Glob
{
    public static IEnumerable<string> Directories(string root, string pattern) => Match(root, Segments(pattern), directories: true);

    public static IEnumerable<string> Files(string root, string pattern) => Match(root, Segments(pattern), directories: false);

    private static string[] Segments(string pattern)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(pattern);
        if (Path.IsPathRooted(pattern))
        {
            throw new ArgumentException($"Glob pattern '{pattern}' must be relative to the directory it searches.", nameof(pattern));
        }

        return pattern.Replace('\\', '/').Split('/', StringSplitOptions.RemoveEmptyEntries);
    }

    private static IEnumerable<string> Match(string directory, ReadOnlyMemory<string> segments, bool directories)
    {
        if (!Directory.Exists(directory) || segments.Length == 0)
        {
            yield break;
        }

        var head = segments.Span[0];
        var rest = segments[1..];
        if (head == "**")
        {
            // "**" matches nothing here, or one more directory level and still "**".
            foreach (var match in Match(directory, rest, directories))
            {
                yield return match;
            }

            foreach (var child in Directory.EnumerateDirectories(directory).Order(StringComparer.Ordinal))
            {
                if (rest.Length > 0 && IsMatch(Path.GetFileName(child), rest.Span[0]) && (rest.Length > 1 || directories))
                {
                    continue; // Already yielded (or descended into) by the zero-level match above.
                }

                foreach (var match in Match(child, segments, directories))
                {
                    yield return match;
                }
            }

            yield break;
        }

        if (rest.Length == 0)
        {
            var entries = directories ? Directory.EnumerateDirectories(directory) : Directory.EnumerateFiles(directory);
            foreach (var entry in entries.Where(e => IsMatch(Path.GetFileName(e), head)).Order(StringComparer.Ordinal))
            {
                yield return entry;
            }

            yield break;
        }

        foreach (var child in Directory.EnumerateDirectories(directory).Where(d => IsMatch(Path.GetFileName(d), head)).Order(StringComparer.Ordinal))
        {
            foreach (var match in Match(child, rest, directories))
            {
                yield return match;
            }
        }
    }

    /// <summary>A name against one segment with <c>*</c> (any run of characters) and <c>?</c> (one character).</summary>
    internal static bool IsMatch(string name, string pattern)
    {
        int n = 0, p = 0, starP = -1, starN = 0;
        while (n < name.Length)
        {
            if (p < pattern.Length && (pattern[p] == '?' || pattern[p] == name[n]))
            {
                n++;
                p++;
            }
            else if (p < pattern.Length && pattern[p] == '*')
            {
                starP = p++;
                starN = n;
            }
            else if (starP >= 0)
            {
                p = starP + 1;
                n = ++starN;
            }
            else
            {
                return false;
            }
        }

        while (p < pattern.Length && pattern[p] == '*')
        {
            p++;
        }

        return p == pattern.Length;
    }
}
