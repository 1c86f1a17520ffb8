namespace Slipway.Tools.AwsModelGenerator;

/// <summary>One file the generator writes, by its path relative to the repository root (with <c>/</c>).</summary>
internal sealed record GeneratedFile(string Path, string Content);
