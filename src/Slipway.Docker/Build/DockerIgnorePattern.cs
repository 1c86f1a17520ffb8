using System.Text;
using System.Text.RegularExpressions;

namespace Slipway.Docker;

/// <summary>
/// One pattern of a .dockerignore, decided as moby's patternmatcher decides it. The pattern is classified the
/// first time it is used: without wildcards it is compared as a string; <c>abc**</c> is a prefix test;
/// <c>**abc</c> (no other wildcard) is a plain suffix test, so <c>**.log</c> also matches <c>a.log</c> and
/// <c>xa.log</c>; anything else becomes a Go regular expression (<c>*</c> and <c>?</c> stop at <c>/</c>,
/// <c>**</c> crosses directories, <c>[…]</c> and <c>\x</c> pass through in Go's dialect).
/// </summary>
internal sealed class DockerIgnorePattern
{
    private Kind kind;
    private Regex? regex;

    private DockerIgnorePattern(string pattern, bool exception, string file, int line, string source)
    {
        Pattern = pattern;
        IsException = exception;
        File = file;
        Line = line;
        Source = source;
        DirectoryCount = pattern.Split('/').Length;
    }

    private enum Kind
    {
        Unknown,
        Exact,
        Prefix,
        Suffix,
        Regexp,
        Invalid,
    }

    /// <summary>The cleaned pattern, without its leading <c>!</c>.</summary>
    public string Pattern { get; }

    /// <summary>True for <c>!pattern</c>: a re-inclusion.</summary>
    public bool IsException { get; }

    /// <summary>The .dockerignore it comes from, for messages.</summary>
    public string File { get; }

    /// <summary>The line of the .dockerignore it comes from (1-based); 0 for patterns added by the build.</summary>
    public int Line { get; }

    /// <summary>The text of that line, for messages.</summary>
    public string Source { get; }

    /// <summary>How many path elements the pattern has (moby's <c>dirs</c>).</summary>
    public int DirectoryCount { get; }

    /// <summary>
    /// moby's patternmatcher.New for one pattern as ignorefile.ReadAll left it: null for a blank one, a
    /// <see cref="FormatException"/> with Docker's message for <c>!</c> alone or a malformed pattern.
    /// </summary>
    public static DockerIgnorePattern? Create(string pattern, string file, int line, string source)
    {
        ArgumentNullException.ThrowIfNull(pattern);
        pattern = pattern.Trim();
        if (pattern.Length == 0)
        {
            return null;
        }

        pattern = CleanPath(pattern);
        var exception = pattern[0] == '!';
        if (exception)
        {
            if (pattern.Length == 1)
            {
                throw Refusal(file, line, source, "illegal exclusion pattern: \"!\"", "a '!' needs a pattern after it: remove the line or complete it");
            }

            pattern = pattern[1..];
        }

        if (!GoFilePathMatch.IsWellFormed(pattern))
        {
            throw Refusal(file, line, source, "syntax error in pattern", BracketsHint);
        }

        return new DockerIgnorePattern(pattern, exception, file, line, source);
    }

    /// <summary>True when the pattern matches <paramref name="path"/> itself (slash-separated, relative to the context).</summary>
    /// <exception cref="FormatException">The pattern is not a valid Go regular expression (Docker: "syntax error in pattern").</exception>
    public bool Matches(string path)
    {
        if (kind == Kind.Unknown)
        {
            Compile();
        }

        switch (kind)
        {
            case Kind.Exact:
                return path == Pattern;
            case Kind.Prefix:
                return path.StartsWith(Pattern[..^2], StringComparison.Ordinal);
            case Kind.Suffix:
                var suffix = Pattern[2..];
                return path.EndsWith(suffix, StringComparison.Ordinal) || (suffix.StartsWith('/') && path == suffix[1..]);
            case Kind.Regexp when regex is not null:
                return regex.IsMatch(path);
            default:
                throw Refusal(File, Line, Source, "syntax error in pattern", "Docker reads this pattern as a Go regular expression and that expression is invalid: escape the character after '\\' or write it without one");
        }
    }

    private const string BracketsHint = "Docker refuses it too: close every '[', start no class with ']' or '-', end no range with '-', and escape a final '\\'";

    /// <summary>A refusal of the .dockerignore: Docker's own message first, then where, what and how to fix it.</summary>
    internal static FormatException Refusal(string file, int line, string source, string dockerMessage, string hint) =>
        new(line == 0
            ? $"{dockerMessage}: the pattern \"{source}\" that the build adds for the Dockerfile or .dockerignore ({hint})"
            : $"{dockerMessage}: {file} line {line}: \"{source}\" ({hint})");

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

    /// <summary>moby's Pattern.compile: classifies the pattern and, when needed, builds its Go regular expression.</summary>
    private void Compile()
    {
        var runes = Pattern.EnumerateRunes().Select(r => r.Value).ToList();

        // Go's text/scanner skips a byte order mark at the start.
        if (runes.Count > 0 && runes[0] == 0xFEFF)
        {
            runes.RemoveAt(0);
        }

        var expression = new StringBuilder("^");
        var type = Kind.Exact;
        var at = 0;
        int? Peek() => at < runes.Count ? runes[at] : null;
        for (var i = 0; at < runes.Count; i++)
        {
            var ch = runes[at++];
            if (ch == '*')
            {
                if (Peek() == '*')
                {
                    at++;
                    if (Peek() == '/')
                    {
                        at++;
                    }

                    if (Peek() is null)
                    {
                        if (type == Kind.Exact)
                        {
                            type = Kind.Prefix;
                        }
                        else
                        {
                            expression.Append(".*");
                            type = Kind.Regexp;
                        }
                    }
                    else
                    {
                        expression.Append("(.*/)?");
                        type = Kind.Regexp;
                    }

                    if (i == 0)
                    {
                        type = Kind.Suffix;
                    }
                }
                else
                {
                    expression.Append("[^/]*");
                    type = Kind.Regexp;
                }
            }
            else if (ch == '?')
            {
                expression.Append("[^/]");
                type = Kind.Regexp;
            }
            else if (ch < 0x80 && ".+()|{}$".Contains((char)ch, StringComparison.Ordinal))
            {
                expression.Append('\\').Append((char)ch);
            }
            else if (ch == '\\')
            {
                if (Peek() is { } next)
                {
                    at++;
                    expression.Append('\\').Append(char.ConvertFromUtf32(next));
                    type = Kind.Regexp;
                }
                else
                {
                    expression.Append('\\');
                }
            }
            else if (ch is '[' or ']')
            {
                expression.Append((char)ch);
                type = Kind.Regexp;
            }
            else
            {
                expression.Append(char.ConvertFromUtf32(ch));
            }
        }

        if (type == Kind.Regexp)
        {
            try
            {
                regex = GoRegex.Compile(expression.Append('$').ToString());
            }
            catch (NotSupportedException unsupported)
            {
                throw Refusal(File, Line, Source, "unsupported pattern", unsupported.Message);
            }

            if (regex is null)
            {
                kind = Kind.Invalid;
                return;
            }
        }

        kind = type;
    }
}
