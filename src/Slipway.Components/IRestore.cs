using Slipway.Components.UpToDate;

namespace Slipway.Components;

/// <summary>
/// <c>Restore</c>: NuGet packages of what this run builds (<see cref="ProjectsToBuild"/>). Up to date while the
/// project files, the shared MSBuild and NuGet files and the SDK are unchanged and every <c>project.assets.json</c> is there.
/// </summary>
public interface IRestore : IHazSolution
{
    /// <summary>
    /// The solution; or, when the run needs only part of it (a deploy: <c>TestService</c> and <c>Publish</c>, with
    /// neither <c>Test</c> nor <c>UnitTest</c>), only the service's test projects and the published project, so a
    /// deploy does not build the tooling's tests. A build with other targets that need the whole solution overrides it.
    /// </summary>
    IEnumerable<AbsolutePath> ProjectsToBuild
    {
        get
        {
            if (ScheduledTargets.Contains(nameof(ITest.Test)) || ScheduledTargets.Contains(nameof(ITest.UnitTest)))
            {
                return [Solution];
            }

            var needed = new List<AbsolutePath>();
            if (this is ITest test && ScheduledTargets.Contains(nameof(ITest.TestService)))
            {
                needed.AddRange(test.ServiceTestProjects);
            }

            if (this is IPublish publish && ScheduledTargets.Contains(nameof(IPublish.Publish)))
            {
                needed.Add(publish.PublishProject);
            }

            return needed.Count == 0 ? [Solution] : OutermostOf(needed);
        }
    }

    Target Restore => _ => _
        .Description("Restore NuGet packages")
        .Inputs(i => i
            .ProjectFiles(RootDirectory, MsBuildProjects.Closure(ProjectsToBuild))
            .Files(ProjectsToBuild)
            .Value("sdk", SdkVersion.Identity()))
        .Outputs(o => o.Files([.. BuildInputs.AssetsFiles(MsBuildProjects.Closure(ProjectsToBuild))]))
        .Executes(async ct =>
        {
            foreach (var project in ProjectsToBuild)
            {
                await DotNet.RestoreAsync(s => s.SetProjectFile(project), ct);
            }
        });

    /// <summary>The projects no other one of them references: building those builds the rest.</summary>
    private static List<AbsolutePath> OutermostOf(IReadOnlyList<AbsolutePath> projects) =>
        [.. projects.Distinct().Where(p => !projects.Any(other => !other.Equals(p) && MsBuildProjects.Closure([other]).Contains(p)))];
}
