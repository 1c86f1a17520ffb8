using Slipway.Components.UpToDate;

namespace Slipway.Components;

/// <summary>
/// <c>Compile</c>: builds <see cref="IRestore.ProjectsToBuild"/> in the chosen configuration. Up to date while the
/// projects' files (tracked or not), the restored packages, the configuration, the SDK and the version are
/// unchanged and each project's <c>bin/&lt;configuration&gt;</c> is as the last build left it.
/// </summary>
public interface ICompile : IRestore, IHazConfiguration, IHazVersion
{
    Target Compile => _ => _
        .Description("Build the solution (a deploy: only the service and its tests)")
        .DependsOn<IRestore>(x => x.Restore)
        .Inputs(i =>
        {
            var projects = MsBuildProjects.Closure(ProjectsToBuild);
            i.Sources(RootDirectory, projects)
                .Files(BuildInputs.AssetsFiles(projects))
                .Value("configuration", Configuration)
                .Value("sdk", SdkVersion.Identity())
                // MinVer stamps the version into the assemblies of the projects that use it.
                .Value("version", async ct => (await GetVersionAsync(ct)).InformationalVersion);
        })
        .Outputs(o =>
        {
            foreach (var project in MsBuildProjects.Closure(ProjectsToBuild))
            {
                o.Directory(project.Parent! / "bin" / Configuration.ToString());
            }
        })
        .Executes(async ct =>
        {
            var version = await GetVersionAsync(ct);
            foreach (var project in ProjectsToBuild)
            {
                await DotNet.BuildAsync(s => s
                    .SetProjectFile(project)
                    .SetConfiguration(Configuration)
                    .EnableNoRestore()
                    // The version computed once for the build, for the projects that use the MinVer package (as Publish does).
                    .SetProperty("MinVerVersionOverride", version.SemVer), ct);
            }
        });
}
