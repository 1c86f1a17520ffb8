namespace Slipway.Components.UpToDate;

/// <summary>The inputs the .NET targets share: projects' sources, the MSBuild and NuGet files around them.</summary>
internal static class BuildInputs
{
    /// <summary>Files next to or above a project that change how it restores or builds.</summary>
    private static readonly string[] SharedFiles =
        ["Directory.Build.props", "Directory.Build.targets", "Directory.Packages.props", "global.json", "nuget.config", "NuGet.Config", ".editorconfig"];

    private static readonly string[] BuildDirectories = ["bin", "obj"];

    /// <summary>What a restore reads: the project files, and the shared MSBuild and NuGet files.</summary>
    public static ITargetInputs ProjectFiles(this ITargetInputs inputs, AbsolutePath root, IReadOnlyList<AbsolutePath> projects) =>
        inputs.Files(projects).Files(Shared(root, projects));

    /// <summary>
    /// What a build reads: every file below each project's directory, tracked by git or not (bin/ and obj/ aside),
    /// the shared MSBuild files, and the repository's <c>.config</c> (MinVer's options, the tool manifest).
    /// </summary>
    public static ITargetInputs Sources(this ITargetInputs inputs, AbsolutePath root, IReadOnlyList<AbsolutePath> projects)
    {
        foreach (var directory in projects.Select(p => p.Parent!).Distinct())
        {
            inputs.Directory(directory, BuildDirectories);
        }

        return inputs.Files(Shared(root, projects)).Directory(root / ".config");
    }

    /// <summary>NuGet's record of a project's restore: what a build after <c>--no-restore</c> reads of its packages.</summary>
    public static IEnumerable<AbsolutePath> AssetsFiles(IEnumerable<AbsolutePath> projects) =>
        projects.Select(p => p.Parent! / "obj" / "project.assets.json");

    private static IEnumerable<AbsolutePath> Shared(AbsolutePath root, IEnumerable<AbsolutePath> projects)
    {
        var directories = new HashSet<AbsolutePath>();
        foreach (var project in projects)
        {
            for (var directory = project.Parent; directory is not null; directory = directory.Parent)
            {
                directories.Add(directory);
                if (directory.Equals(root))
                {
                    break;
                }
            }
        }

        // A shared file that does not exist yet is an input too: creating it changes the build.
        return directories.SelectMany(d => SharedFiles.Select(name => d / name));
    }
}
