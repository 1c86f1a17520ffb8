namespace Slipway.Processes;

/// <summary>What to run: a tool, its arguments (one per word, never a joined string), where, and with what.</summary>
public sealed record ProcessSpec(string FileName, IReadOnlyList<string> Arguments)
{
    public string? WorkingDirectory { get; init; }

    /// <summary>Variables added to (or, with a null value, removed from) the inherited environment.</summary>
    public IReadOnlyDictionary<string, string?> Environment { get; init; } = new Dictionary<string, string?>();

    /// <summary>Stream each output line into the log (off for tools whose output is data to parse).</summary>
    public bool LogOutput { get; init; } = true;

    /// <summary>A non-zero exit code throws <see cref="ProcessException"/> unless this is false.</summary>
    public bool ThrowOnFailure { get; init; } = true;

    /// <summary>The command line as a shell user would type it; the log masks secrets in it.</summary>
    public string CommandLine => string.Join(' ', Arguments.Prepend(FileName).Select(Quote));

    private static string Quote(string word) =>
        word.Length > 0 && !word.Any(c => char.IsWhiteSpace(c) || c is '"' or '\'' or '$' or '`' or '\\' or ';' or '&' or '|')
            ? word
            : "'" + word.Replace("'", "'\\''", StringComparison.Ordinal) + "'";
}
