using System.Globalization;
using Slipway.Processes;
using Slipway.Tools;

namespace Slipway.Components;

/// <summary>
/// <c>Pack</c>: NuGet packages (with symbols and SourceLink) of <see cref="PackProjects"/> into
/// <see cref="PackagesDirectory"/>, all stamped with the build's one version from git. Release, deterministic
/// and path-mapped (<c>ContinuousIntegrationBuild</c>): two packs of one commit are byte-identical.
/// </summary>
public interface IPack : ICompile, IHazArtifacts, IHazVersion
{
    /// <summary>The projects that become packages; the build names them.</summary>
    IEnumerable<AbsolutePath> PackProjects { get; }

    [Parameter("Pack: the folder the packages go to (default artifacts/packages)")]
    AbsolutePath PackagesDirectory => TryGetValue(() => PackagesDirectory) ?? ArtifactsDirectory / "packages";

    Target Pack => _ => _
        .Description("NuGet packages of the libraries (symbols, SourceLink, the version from git) into artifacts/packages")
        .DependsOn<IRestore>(x => x.Restore)
        .Executes(async ct =>
        {
            var version = await GetVersionAsync(ct);
            var sourceLink = await HasRemoteAsync(ct);
            if (!sourceLink)
            {
                Log.Warning("This clone has no git remote 'origin': the packages carry no SourceLink (add the GitHub remote to get it).");
            }

            PackagesDirectory.DeleteDirectory();
            PackagesDirectory.CreateDirectory();
            foreach (var project in PackProjects)
            {
                var settings = new Func<DotNetSettings, DotNetSettings>(s => s
                    .SetProjectFile(project)
                    .SetConfiguration(Configuration.Release)
                    .SetOutput(PackagesDirectory)
                    .EnableNoRestore()
                    .SetProperty("Version", version.SemVer)
                    // Paths in pdbs and packages mapped to /_/: the same bytes from any clone of the commit.
                    .SetProperty("ContinuousIntegrationBuild", "true")
                    // The zip entries' times: the commit's, not now (NuGet stamps the pack time otherwise); zip
                    // times start in 1980.
                    .SetProperty("DeterministicTimestamp", (version.CommitTime ?? ZipEpoch).ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture)));
                await DotNet.RunAsync("pack", s => sourceLink
                    ? settings(s)
                    // Without a remote there is no repository information (and no source root to map): map the root itself.
                    : settings(s).SetProperty("EnableSourceLink", "false").SetProperty("EnableSourceControlManagerQueries", "false").SetProperty("PathMap", $"{RootDirectory}=/_/"), ct);
            }

            var packages = PackagesDirectory.GlobFiles("*.nupkg");
            ReportSummary($"{packages.Count} packages {version.SemVer} → {PackagesDirectory.RelativeTo(RootDirectory)}");
        });

    private static DateTimeOffset ZipEpoch => new(1980, 1, 1, 0, 0, 0, TimeSpan.Zero);

    /// <summary>SourceLink needs the remote's URL; without one it would only warn on every project.</summary>
    private async Task<bool> HasRemoteAsync(CancellationToken cancellationToken)
    {
        var result = await Processes.RunAsync(
            new ProcessSpec("git", ["remote", "get-url", "origin"]) { WorkingDirectory = RootDirectory, LogOutput = false, ThrowOnFailure = false },
            cancellationToken);
        return result.ExitCode == 0 && result.StandardOutput.Trim().Length > 0;
    }
}
