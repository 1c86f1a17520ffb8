namespace Slipway;

/// <summary>
/// A file the build generates and the repository commits (the parameter schema, workflows): its path relative
/// to the repository root and how to render it. A build or component declares one as a property of type
/// <see cref="GeneratedFile"/> or <c>IEnumerable&lt;GeneratedFile&gt;</c>; every run writes those that changed,
/// and <c>--check-generated</c> (run by CI) fails when a committed copy is stale.
/// </summary>
public sealed record GeneratedFile(string RelativePath, Func<string> Render)
{
    /// <summary>The content with Unix line endings and one final newline, as it is written and compared.</summary>
    public string Content()
    {
        var text = Render().ReplaceLineEndings("\n");
        return text.EndsWith('\n') ? text : text + "\n";
    }
}
