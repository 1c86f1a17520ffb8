namespace Slipway.Docker;

/// <summary>
/// The rules of a .dockerignore file, applied as the Docker engine applies them to a build context: patterns
/// in order, the last one that matches a path (or one of its parent directories) decides, and <c>!</c>
/// patterns re-include.
/// </summary>
public sealed class DockerIgnore
{
    private readonly IReadOnlyList<DockerIgnorePattern> patterns;

    private DockerIgnore(IReadOnlyList<DockerIgnorePattern> patterns) => this.patterns = patterns;

    /// <summary>No rules: everything is sent.</summary>
    public static DockerIgnore Empty { get; } = new([]);

    /// <summary>Parses the text of a .dockerignore file (a UTF-8 BOM, comments and blank lines allowed).</summary>
    public static DockerIgnore Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var lines = text.TrimStart('\uFEFF').Split('\n');
        return new DockerIgnore(lines.Select(line => DockerIgnorePattern.Parse(line.TrimEnd('\r'))).OfType<DockerIgnorePattern>().ToList());
    }

    /// <summary>Reads <c>.dockerignore</c> from <paramref name="contextDirectory"/>, or <see cref="Empty"/> when there is none.</summary>
    public static DockerIgnore Load(string contextDirectory)
    {
        var file = Path.Combine(contextDirectory, ".dockerignore");
        return File.Exists(file) ? Parse(File.ReadAllText(file)) : Empty;
    }

    /// <summary>
    /// True when an exception pattern names something inside the excluded <paramref name="directory"/>. Like
    /// moby's tar walker this is a prefix test on the pattern text: <c>!dir/keep</c> reopens <c>dir</c>, while
    /// <c>!**/keep</c> does not reach into a directory that is excluded as a whole.
    /// </summary>
    internal bool MayReincludeBelow(string directory)
    {
        ArgumentNullException.ThrowIfNull(directory);
        var prefix = DockerIgnorePattern.CleanPath(directory.Replace('\\', '/')) + "/";
        return patterns.Any(p => p.IsException && (p.Pattern + "/").StartsWith(prefix, StringComparison.Ordinal));
    }

    /// <summary>
    /// True when <paramref name="relativePath"/> (relative to the context, <c>/</c>-separated) is left out of
    /// the context. Mirrors moby's <c>PatternMatcher.MatchesOrParentMatches</c>.
    /// </summary>
    public bool IsExcluded(string relativePath)
    {
        ArgumentNullException.ThrowIfNull(relativePath);
        var path = DockerIgnorePattern.CleanPath(relativePath.Replace('\\', '/'));
        var slash = path.LastIndexOf('/');
        var parents = slash < 0 ? [] : path[..slash].Split('/');

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
}
