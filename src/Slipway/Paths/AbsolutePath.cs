using Slipway.Paths;

namespace Slipway;

/// <summary>
/// A normalized absolute path with NUKE's <c>/</c> operator: <c>RootDirectory / "artifacts" / "publish"</c>.
/// </summary>
public sealed class AbsolutePath : IEquatable<AbsolutePath>
{
    private readonly string path;

    private AbsolutePath(string path)
    {
        this.path = path;
    }

    public string Name => Path.GetFileName(path);

    /// <summary>The file name without its extension: <c>Api</c> for <c>src/Api/Api.csproj</c>.</summary>
    public string NameWithoutExtension => Path.GetFileNameWithoutExtension(path);

    public AbsolutePath? Parent => Path.GetDirectoryName(path) is { } parent ? new AbsolutePath(parent) : null;

    public bool DirectoryExists => Directory.Exists(path);

    public bool FileExists => File.Exists(path);

    public static AbsolutePath Create(string path)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        if (!Path.IsPathFullyQualified(path))
        {
            throw new ArgumentException($"'{path}' is not an absolute path.", nameof(path));
        }

        var full = Path.GetFullPath(path);
        return new AbsolutePath(full.Length > 1 ? Path.TrimEndingDirectorySeparator(full) : full);
    }

    /// <summary>Resolves a path relative to <paramref name="baseDirectory"/> unless it is already absolute.</summary>
    public static AbsolutePath Resolve(string path, AbsolutePath baseDirectory) =>
        Create(Path.IsPathFullyQualified(path) ? path : Path.Combine(baseDirectory.path, path));

    public static AbsolutePath operator /(AbsolutePath left, string right) => Create(Path.Combine(left.path, right));

    public static implicit operator string(AbsolutePath path) => path.path;

    public AbsolutePath Divide(string right) => this / right;

    public string RelativeTo(AbsolutePath baseDirectory) => Path.GetRelativePath(baseDirectory.path, path);

    public AbsolutePath CreateDirectory()
    {
        Directory.CreateDirectory(path);
        return this;
    }

    /// <summary>Deletes the directory and everything in it, if it exists.</summary>
    public void DeleteDirectory()
    {
        if (Directory.Exists(path))
        {
            Directory.Delete(path, recursive: true);
        }
    }

    /// <summary>
    /// The directories below this one that match any of the patterns (<c>**/bin</c>, <c>src/*/obj</c>), sorted,
    /// each once; a matched directory is not searched further.
    /// </summary>
    public IReadOnlyList<AbsolutePath> GlobDirectories(params string[] patterns) =>
        [.. patterns.SelectMany(p => Glob.Directories(path, p)).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).Select(Create)];

    /// <summary>The files below this directory that match any of the patterns (<c>**/*.trx</c>), sorted, each once.</summary>
    public IReadOnlyList<AbsolutePath> GlobFiles(params string[] patterns) =>
        [.. patterns.SelectMany(p => Glob.Files(path, p)).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).Select(Create)];

    public string ReadAllText() => File.ReadAllText(path);

    public void WriteAllText(string content)
    {
        Parent?.CreateDirectory();
        File.WriteAllText(path, content);
    }

    public override string ToString() => path;

    public bool Equals(AbsolutePath? other) => other is not null && string.Equals(path, other.path, StringComparison.Ordinal);

    public override bool Equals(object? obj) => obj is AbsolutePath other && Equals(other);

    public override int GetHashCode() => StringComparer.Ordinal.GetHashCode(path);
}
