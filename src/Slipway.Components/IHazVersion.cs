using Slipway.Versioning;

namespace Slipway.Components;

/// <summary>The version of the build from git (SemVer from tags, the commit, its time and the source URL).</summary>
public interface IHazVersion : INukeBuild
{
    /// <summary>Asks git each time (a few milliseconds); a build that wants another scheme overrides it.</summary>
    Task<BuildVersion> GetVersionAsync(CancellationToken cancellationToken) =>
        GitVersion.ComputeAsync(Processes, RootDirectory, cancellationToken);
}
