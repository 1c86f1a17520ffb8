using Slipway.Versioning;

namespace Slipway.Components;

/// <summary>
/// Outside git there is no commit to tag the image with or date it by: the build says so where the image is
/// made, instead of tagging <c>:unknown</c> and dating 1970 without a word.
/// </summary>
internal static class UntraceableImage
{
    public static string? Warning(BuildVersion version, string repository) =>
        version.Commit == BuildVersion.UnknownCommit
            ? $"Outside git: the image is tagged {repository}:{version.DockerTag} and {repository}:{BuildVersion.UnknownCommit}, and its created label is {DateTimeOffset.UnixEpoch:yyyy-MM-dd} (there is no commit to take them from). Build from a git clone for an image that names its commit."
            : null;
}
