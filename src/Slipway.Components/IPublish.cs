using Slipway.Components.UpToDate;
using Slipway.Tools;

namespace Slipway.Components;

/// <summary>
/// <c>Publish</c>: the shipped project into <see cref="PublishDirectory"/>, stamped with the version and commit. It
/// builds the project itself (after <c>Compile</c> when both run), so a publish alone builds nothing else. Up to
/// date while the project's files and those of the projects it references, the restored packages, the
/// configuration, the SDK and the version are unchanged and the publish directory is as it left it.
/// </summary>
public interface IPublish : ICompile, IHazArtifacts, IHazVersion
{
    /// <summary>The project that ships (the service); the build names it.</summary>
    AbsolutePath PublishProject { get; }

    AbsolutePath PublishDirectory => ArtifactsDirectory / "publish" / PublishProject.NameWithoutExtension;

    Target Publish => _ => _
        .Description("Publish the service into artifacts/publish/<project>, stamped with the version from git")
        .DependsOn<IRestore>(x => x.Restore)
        .After<ICompile>(x => x.Compile)
        .Inputs(i =>
        {
            var projects = MsBuildProjects.Closure([PublishProject]);
            i.Sources(RootDirectory, projects)
                .Files(BuildInputs.AssetsFiles(projects))
                .Value("configuration", Configuration)
                .Value("output", PublishDirectory)
                .Value("sdk", SdkVersion.Identity())
                .Value("version", async ct => (await GetVersionAsync(ct)).InformationalVersion);
        })
        .Outputs(o => o.Directory(PublishDirectory))
        .Executes(async ct =>
        {
            var version = await GetVersionAsync(ct);
            Log.Information($"Version {version.SemVer}, commit {version.ShortCommit}");
            PublishDirectory.DeleteDirectory();
            // After a Compile of this run that built the project, publish what it built: a second build with other
            // properties would rewrite Compile's output (and make it out of date next time) for nothing.
            var compiled = ScheduledTargets.Contains(nameof(Compile)) && MsBuildProjects.Closure(ProjectsToBuild).Contains(PublishProject);
            await DotNet.PublishAsync(s => OnlyPublishWhen(compiled, s
                .SetProjectFile(PublishProject)
                .SetConfiguration(Configuration)
                .SetOutput(PublishDirectory)
                .EnableNoRestore()
                // The image runs `dotnet <project>.dll`: the native launcher would only add weight to it.
                .SetProperty("UseAppHost", "false")
                // The project carries the MinVer package (one source of truth): hand it the version computed
                // once for the build, so the dll's informational version is exactly the build's (Compile does the same).
                .SetProperty("MinVerVersionOverride", version.SemVer)), ct);
            ReportSummary($"{version.InformationalVersion} → {PublishDirectory.RelativeTo(RootDirectory)}");
        });

    private static DotNetSettings OnlyPublishWhen(bool compiled, DotNetSettings settings) => compiled ? settings.EnableNoBuild() : settings;
}
