namespace Slipway.Components;

/// <summary><c>Clean</c>: deletes build outputs (bin/, obj/ under the source directories) and the artifacts.</summary>
public interface IClean : IHazArtifacts
{
    /// <summary>Where projects live; their bin/ and obj/ are deleted.</summary>
    IEnumerable<AbsolutePath> SourceDirectories => [RootDirectory / "src", RootDirectory / "tests"];

    IEnumerable<AbsolutePath> CleanDirectories =>
        [.. SourceDirectories.SelectMany(d => d.GlobDirectories("**/bin", "**/obj")), ArtifactsDirectory];

    Target Clean => _ => _
        .Description("Delete bin/, obj/ and artifacts/")
        .Before<IRestore>(x => x.Restore)
        .Executes(() =>
        {
            var deleted = CleanDirectories.DeleteDirectories();
            Log.Information($"Deleted {deleted} directories: bin/ and obj/ under {string.Join(", ", SourceDirectories.Select(d => d.RelativeTo(RootDirectory)))}, and {ArtifactsDirectory.RelativeTo(RootDirectory)}/.");
        });
}
