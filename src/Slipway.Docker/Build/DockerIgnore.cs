namespace Slipway.Docker;

/// <summary>
/// The rules of a .dockerignore file, read as the Docker CLI reads them (moby's ignorefile and patternmatcher):
/// patterns apply in order, the last one that matches decides, and <c>!</c> patterns re-include. A malformed
/// file is refused with Docker's message and the offending line.
/// </summary>
public sealed class DockerIgnore
{
    private readonly IReadOnlyList<DockerIgnorePattern> patterns;

    private DockerIgnore(IReadOnlyList<DockerIgnorePattern> patterns) => this.patterns = patterns;

    /// <summary>No rules: everything is sent.</summary>
    public static DockerIgnore Empty { get; } = new([]);

    /// <summary>True when some pattern is an exception (<c>!…</c>).</summary>
    internal bool HasExceptions => patterns.Any(p => p.IsException);

    internal IReadOnlyList<DockerIgnorePattern> Patterns => patterns;

    /// <summary>
    /// Parses the text of a .dockerignore file: a UTF-8 BOM is dropped, a line starting with <c>#</c> is a
    /// comment, whitespace around a pattern and a leading <c>/</c> are removed and the pattern is cleaned.
    /// </summary>
    /// <exception cref="FormatException">A line Docker refuses (<c>!</c> alone, a malformed pattern).</exception>
    public static DockerIgnore Parse(string text) => Parse(text, ".dockerignore");

    /// <summary>Parses <paramref name="text"/>, naming <paramref name="file"/> in errors.</summary>
    internal static DockerIgnore Parse(string text, string file)
    {
        ArgumentNullException.ThrowIfNull(text);
        var lines = text.Split('\n');
        var count = text.EndsWith('\n') ? lines.Length - 1 : lines.Length;
        var patterns = new List<DockerIgnorePattern>();
        for (var i = 0; i < count; i++)
        {
            // Like bufio.ScanLines: a '\r' before the line end is not part of the line.
            var line = lines[i].EndsWith('\r') ? lines[i][..^1] : lines[i];
            if (i == 0)
            {
                line = line.StartsWith('\uFEFF') ? line[1..] : line;
            }

            if (ReadPattern(line) is { } pattern && DockerIgnorePattern.Create(pattern, file, i + 1, line) is { } parsed)
            {
                patterns.Add(parsed);
            }
        }

        return new DockerIgnore(patterns);
    }

    /// <summary>Reads <c>.dockerignore</c> from <paramref name="contextDirectory"/>, or <see cref="Empty"/> when there is none.</summary>
    public static DockerIgnore Load(string contextDirectory)
    {
        var file = Path.Combine(contextDirectory, ".dockerignore");
        // Decoded without BOM detection: Parse drops one BOM, as Docker does.
        return File.Exists(file) ? Parse(System.Text.Encoding.UTF8.GetString(File.ReadAllBytes(file)), file) : Empty;
    }

    /// <summary>
    /// True when <paramref name="relativePath"/> (relative to the context, <c>/</c>-separated) is left out of
    /// the context, judged on its own and by each of its parent directories (moby's
    /// <c>MatchesOrParentMatches</c>, which the CLI uses to check the context before sending it).
    /// </summary>
    /// <exception cref="FormatException">A pattern reached on the way is not a valid regular expression for Go.</exception>
    public bool IsExcluded(string relativePath)
    {
        ArgumentNullException.ThrowIfNull(relativePath);
        var path = DockerIgnorePattern.CleanPath(relativePath);
        if (path == ".")
        {
            return false;
        }

        var parents = Parents(path);
        var excluded = false;
        foreach (var pattern in patterns)
        {
            // An exclusion cannot change an already excluded path, nor an exception an included one.
            if (pattern.IsException != excluded)
            {
                continue;
            }

            var match = pattern.Matches(path);
            for (var i = 0; !match && i < parents.Length; i++)
            {
                match = pattern.Matches(string.Join('/', parents.Take(i + 1)));
            }

            if (match)
            {
                excluded = !pattern.IsException;
            }
        }

        return excluded;
    }

    /// <summary>
    /// moby's <c>MatchesUsingParentResults</c>, as the CLI's tar walker uses it: a pattern that matched the
    /// parent directory counts as matched without looking at the path, every other pattern is tried on the
    /// path alone. With no parent result (a top-level path) parents are tried as in <see cref="IsExcluded"/>.
    /// </summary>
    internal (bool Excluded, bool[] Matched) IsExcludedGivenParent(string path, bool[]? parentMatched)
    {
        var matched = new bool[patterns.Count];
        var excluded = false;
        for (var i = 0; i < patterns.Count; i++)
        {
            var pattern = patterns[i];
            var match = parentMatched is not null && parentMatched[i];
            if (!match)
            {
                if (pattern.IsException != excluded)
                {
                    continue;
                }

                match = pattern.Matches(path);
                if (!match && parentMatched is null)
                {
                    var parents = Parents(path);
                    for (var j = 0; !match && j < parents.Length; j++)
                    {
                        match = pattern.Matches(string.Join('/', parents.Take(j + 1)));
                    }
                }
            }

            matched[i] = match;
            if (match)
            {
                excluded = !pattern.IsException;
            }
        }

        return (excluded, matched);
    }

    /// <summary>
    /// moby's deprecated <c>patternmatcher.Matches</c>, which the CLI still uses to decide whether the
    /// Dockerfile and .dockerignore need an exception: a parent is tried only at the pattern's own depth.
    /// Errors count as "not excluded", as in the CLI.
    /// </summary>
    internal bool IsExcludedAtPatternDepth(string relativePath)
    {
        var path = DockerIgnorePattern.CleanPath(relativePath);
        if (path == ".")
        {
            return false;
        }

        try
        {
            var parents = Parents(path);
            var excluded = false;
            foreach (var pattern in patterns)
            {
                if (pattern.IsException != excluded)
                {
                    continue;
                }

                var match = pattern.Matches(path);
                if (!match && parents.Length > 0 && pattern.DirectoryCount <= parents.Length)
                {
                    match = pattern.Matches(string.Join('/', parents.Take(pattern.DirectoryCount)));
                }

                if (match)
                {
                    excluded = !pattern.IsException;
                }
            }

            return excluded;
        }
        catch (FormatException)
        {
            return false;
        }
    }

    /// <summary>
    /// True when an exception pattern names something inside the excluded <paramref name="directory"/>. Like
    /// the CLI's walker this is a prefix test on the pattern text: <c>!dir/keep</c> reopens <c>dir</c>, while
    /// <c>!**/keep</c> does not reach into a directory that is excluded as a whole.
    /// </summary>
    internal bool MayReincludeBelow(string directory)
    {
        ArgumentNullException.ThrowIfNull(directory);
        var prefix = directory + "/";
        return patterns.Any(p => p.IsException && (p.Pattern + "/").StartsWith(prefix, StringComparison.Ordinal));
    }

    /// <summary>These rules followed by <paramref name="exceptions"/> (the CLI's <c>!Dockerfile</c>, <c>!.dockerignore</c>).</summary>
    internal DockerIgnore WithExceptions(IEnumerable<string> exceptions) =>
        new([.. patterns, .. exceptions.Select(e => DockerIgnorePattern.Create("!" + e, ".dockerignore", 0, "!" + e)).OfType<DockerIgnorePattern>()]);

    /// <summary>
    /// ignorefile.ReadAll for one line: null for a comment (a <c>#</c> in the first column) or a blank line;
    /// otherwise trimmed, cleaned, without a leading <c>/</c>, with its <c>!</c> kept in front.
    /// </summary>
    private static string? ReadPattern(string line)
    {
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
            pattern = DockerIgnorePattern.CleanPath(pattern);
            if (pattern.Length > 1 && pattern[0] == '/')
            {
                pattern = pattern[1..];
            }
        }

        return exception ? "!" + pattern : pattern;
    }

    /// <summary>The directories above <paramref name="path"/>, outermost first (Go's filepath.Dir, split).</summary>
    private static string[] Parents(string path)
    {
        var slash = path.LastIndexOf('/');
        return slash < 0 ? [] : DockerIgnorePattern.CleanPath(path[..slash]).Split('/');
    }
}
