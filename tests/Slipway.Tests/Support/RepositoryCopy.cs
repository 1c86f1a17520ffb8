namespace Slipway.Tests.Support;

/// <summary>
/// A copy of this repository's bootstrap, build project and libraries in a temporary directory, so tests can run
/// <c>./build.sh</c> for real and change its inputs without touching the working tree.
/// </summary>
internal sealed class RepositoryCopy : IDisposable
{
    private static readonly string[] Entries = ["build.sh", "build.ps1", "global.json", "Directory.Build.props", "Directory.Packages.props", ".nuke/parameters.json", "build"];

    public RepositoryCopy()
    {
        Root = AbsolutePath.Create(Path.Combine(Path.GetTempPath(), "slipway-repo", Guid.NewGuid().ToString("N")));
        var source = RepositoryRoot.Find();
        // The bootstrap's own input set: the build project, the libraries under src/Slipway*, the MSBuild files.
        var libraries = Directory.GetDirectories(Path.Combine(source, "src"), "Slipway*").Select(d => Path.GetRelativePath(source, d));
        foreach (var entry in Entries.Concat(libraries))
        {
            Copy(Path.Combine(source, entry), Path.Combine(Root, entry));
        }

        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(Root / "build.sh", File.GetUnixFileMode(Path.Combine(source, "build.sh")));
        }
    }

    public AbsolutePath Root { get; }

    private static void Copy(string source, string destination)
    {
        if (File.Exists(source))
        {
            Directory.CreateDirectory(Path.GetDirectoryName(destination)!);
            File.Copy(source, destination);
            return;
        }

        foreach (var file in Directory.EnumerateFiles(source, "*", SearchOption.AllDirectories))
        {
            var relative = Path.GetRelativePath(source, file);
            if (relative.Split(Path.DirectorySeparatorChar).Any(part => part is "bin" or "obj"))
            {
                continue;
            }

            Copy(file, Path.Combine(destination, relative));
        }
    }

    public void Dispose() => Root.DeleteDirectory();
}
