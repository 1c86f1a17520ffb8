using System.Runtime.CompilerServices;
using Slipway.Versioning;

namespace Slipway.Components;

/// <summary>The version of the build from git (SemVer from tags by MinVer, the commit, its time and the source URL).</summary>
public interface IHazVersion : INukeBuild
{
    /// <summary>
    /// Computed once per build (minver-cli is a process start, and every target must see the same version);
    /// MinVer's warnings (outside git, shallow clone) go to the log. A build that wants another scheme overrides it.
    /// </summary>
    Task<BuildVersion> GetVersionAsync(CancellationToken cancellationToken) =>
        VersionPerBuild.Versions.GetValue(this, build => GitVersion.ComputeAsync(build.Processes, build.RootDirectory, build.Log, cancellationToken));
}

/// <summary>The one version of each build instance; keyed weakly so a finished build takes its version with it.</summary>
internal static class VersionPerBuild
{
    internal static readonly ConditionalWeakTable<INukeBuild, Task<BuildVersion>> Versions = new();
}
