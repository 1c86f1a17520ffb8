using System.Security.Cryptography;

namespace Slipway.UpToDate;

/// <summary>
/// Reads files' sizes and times (one directory listing gives both, so a no-change check stays cheap) under keys
/// relative to the repository root, and hashes a file only when its time changed.
/// </summary>
internal sealed class FileSnapshot
{
    private readonly AbsolutePath root;

    public FileSnapshot(AbsolutePath root) => this.root = root;

    public void AddFile(Dictionary<string, FileStamp> into, AbsolutePath file)
    {
        var info = new FileInfo(file);
        into[Key(file)] = info.Exists ? Stamp(info) : FileStamp.Missing;
    }

    /// <summary>Every file below <paramref name="directory"/> except inside directories named in <paramref name="skipped"/>.</summary>
    public void AddDirectory(Dictionary<string, FileStamp> into, AbsolutePath directory, IReadOnlyCollection<string> skipped)
    {
        var start = new DirectoryInfo(directory);
        if (!start.Exists)
        {
            into[Key(directory) + "/"] = FileStamp.Missing;
            return;
        }

        var pending = new Stack<DirectoryInfo>([start]);
        while (pending.TryPop(out var current))
        {
            foreach (var entry in current.EnumerateFileSystemInfos())
            {
                if (entry is DirectoryInfo child)
                {
                    if (!skipped.Contains(child.Name, StringComparer.Ordinal) && child.LinkTarget is null)
                    {
                        pending.Push(child);
                    }
                }
                else if (entry is FileInfo file)
                {
                    into[Key(file.FullName)] = Stamp(file);
                }
            }
        }
    }

    public string Hash(string key)
    {
        using var stream = File.OpenRead(PathOf(key));
        return Convert.ToHexStringLower(SHA256.HashData(stream));
    }

    public string PathOf(string key) => Path.GetFullPath(Path.Combine(root, key.TrimEnd('/')));

    private string Key(string path)
    {
        var relative = Path.GetRelativePath(root, path);
        return relative.StartsWith("..", StringComparison.Ordinal) || Path.IsPathRooted(relative)
            ? path.Replace('\\', '/')
            : relative.Replace('\\', '/');
    }

    private static FileStamp Stamp(FileInfo file) => new(file.Length, file.LastWriteTimeUtc.Ticks);
}
