namespace Slipway.Docker;

/// <summary>The result of a build: the image ID (<c>sha256:…</c>), the tags it got, and how many steps the cache served.</summary>
public sealed record BuiltImage(string Id, IReadOnlyList<string> Tags, int Steps, int CachedSteps);
