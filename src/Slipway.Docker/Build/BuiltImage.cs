namespace Slipway.Docker;

/// <summary>The result of a build: the image ID (<c>sha256:…</c>), the tags it got, and how many steps the cache served.</summary>
public sealed record BuiltImage(string Id, IReadOnlyList<string> Tags, int Steps, int CachedSteps)
{
    /// <summary>The instructions after <c>FROM</c> that the cache did not serve.</summary>
    public IReadOnlyList<string> RebuiltSteps { get; init; } = [];

    /// <summary>What was rebuilt, in words: "nothing rebuilt (every step from cache)" or the instructions that ran.</summary>
    public string CacheSummary => RebuiltSteps.Count == 0
        ? "nothing rebuilt, every step from cache"
        : $"rebuilt {RebuiltSteps.Count} step{(RebuiltSteps.Count == 1 ? "" : "s")}: {string.Join("; ", RebuiltSteps.Select(Shorten))}";

    private static string Shorten(string instruction) => instruction.Length <= 40 ? instruction : instruction[..37] + "...";
}
