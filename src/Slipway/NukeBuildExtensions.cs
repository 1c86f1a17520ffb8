namespace Slipway;

public static class NukeBuildExtensions
{
    /// <summary>
    /// The build seen as one of its components, as in NUKE: <c>Execute&lt;Build&gt;(x =&gt; x.From&lt;ITest&gt;().Test)</c>
    /// names a target that a component declares.
    /// </summary>
    public static T From<T>(this INukeBuild build)
        where T : INukeBuild =>
        build is T component
            ? component
            : throw new InvalidCastException($"{build?.GetType().Name} does not implement {typeof(T).Name}.");
}
