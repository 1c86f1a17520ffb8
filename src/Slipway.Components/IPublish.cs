namespace Slipway.Components;

/// <summary><c>Publish</c>: the shipped project into <see cref="PublishDirectory"/>, stamped with the version and commit.</summary>
public interface IPublish : ICompile, IHazArtifacts, IHazVersion
{
    /// <summary>The project that ships (the service); the build names it.</summary>
    AbsolutePath PublishProject { get; }

    AbsolutePath PublishDirectory => ArtifactsDirectory / "publish" / PublishProject.NameWithoutExtension;

    Target Publish => _ => _
        .Description("Publish the service into artifacts/publish/<project>, stamped with the version from git")
        .DependsOn<ICompile>(x => x.Compile)
        .Executes(async ct =>
        {
            var version = await GetVersionAsync(ct);
            Log.Information($"Version {version.SemVer}, commit {version.ShortCommit}");
            PublishDirectory.DeleteDirectory();
            await DotNet.PublishAsync(s => s
                .SetProjectFile(PublishProject)
                .SetConfiguration(Configuration)
                .SetOutput(PublishDirectory)
                .EnableNoRestore()
                // The image runs `dotnet <project>.dll`: the native launcher would only add weight to it.
                .SetProperty("UseAppHost", "false")
                // The project carries the MinVer package (one source of truth): hand it the version computed
                // once for the build, so the dll's informational version is exactly the build's.
                .SetProperty("MinVerVersionOverride", version.SemVer), ct);
            ReportSummary($"{version.InformationalVersion} → {PublishDirectory.RelativeTo(RootDirectory)}");
        });
}
