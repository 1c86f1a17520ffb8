using System.Formats.Tar;
using System.Text;
using Slipway.Output;

namespace Slipway.Docker;

/// <summary>
/// The tar stream sent to the engine as a build context: the files of a directory minus what its
/// .dockerignore excludes (walked as moby's archive.TarWithOptions walks), plus the Dockerfile, which is
/// always sent. A Dockerfile from outside the directory is added under a hidden name that the context's
/// .dockerignore lists, exactly as <c>docker build -f</c> does, so the engine drops it after reading it and
/// <c>COPY . …</c> never copies it. Kept in a temporary file that is deleted on dispose.
/// </summary>
public sealed class BuildContext : IDisposable
{
    /// <summary>The name an outside Dockerfile gets inside the context.</summary>
    internal const string OutsideDockerfileName = ".dockerfile.slipway";

    private readonly FileStream tar;

    private BuildContext(FileStream tar, string dockerfileName, IReadOnlyList<string> entries)
    {
        this.tar = tar;
        DockerfileName = dockerfileName;
        Entries = entries;
    }

    /// <summary>The Dockerfile's path inside the context, for <c>ImageBuildParameters.Dockerfile</c>.</summary>
    public string DockerfileName { get; }

    /// <summary>Every entry in the tar, in order; directories end with <c>/</c>.</summary>
    public IReadOnlyList<string> Entries { get; }

    /// <summary>The size of the tar in bytes.</summary>
    public long Size => tar.Length;

    /// <summary>Writes the context of <paramref name="directory"/> with <paramref name="dockerfile"/> (inside or outside it).</summary>
    public static async Task<BuildContext> CreateAsync(string directory, string dockerfile, ILog log, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(log);
        var root = Path.GetFullPath(directory);
        var dockerfilePath = Path.GetFullPath(dockerfile);
        if (!Directory.Exists(root))
        {
            throw new DirectoryNotFoundException($"build context directory {root} does not exist (was the service published?)");
        }

        if (!File.Exists(dockerfilePath))
        {
            throw new FileNotFoundException($"Dockerfile {dockerfilePath} does not exist", dockerfilePath);
        }

        var ignore = DockerIgnore.Load(root);
        var relativeDockerfile = Path.GetRelativePath(root, dockerfilePath).Replace('\\', '/');
        var outside = relativeDockerfile.StartsWith("../", StringComparison.Ordinal) || Path.IsPathRooted(relativeDockerfile);
        var dockerfileName = outside ? OutsideDockerfileName : relativeDockerfile;

        var file = new FileStream(Path.Combine(Path.GetTempPath(), $"slipway-context-{Guid.NewGuid():N}.tar"), FileMode.CreateNew, FileAccess.ReadWrite, FileShare.None, 81920, FileOptions.DeleteOnClose);
        var entries = new List<string>();
        try
        {
            await using (var writer = new TarWriter(file, TarEntryFormat.Pax, leaveOpen: true))
            {
                // With an outside Dockerfile the context's .dockerignore is sent amended (below), so not as it is.
                var walker = new Walker(root, ignore, outside ? ".dockerignore" : null, writer, entries, cancellationToken);
                await walker.WalkAsync(root);

                // The Dockerfile and .dockerignore are always sent, even when the rules exclude them.
                if (!outside && !entries.Contains(dockerfileName))
                {
                    await walker.AddFileAsync(dockerfilePath, dockerfileName);
                }

                if (outside)
                {
                    await AddBytesAsync(writer, OutsideDockerfileName, await File.ReadAllBytesAsync(dockerfilePath, cancellationToken), cancellationToken);
                    entries.Add(OutsideDockerfileName);

                    // As the docker CLI does: list the hidden Dockerfile in .dockerignore so the engine removes it
                    // after parsing; a .dockerignore we invent lists itself too, so neither lands in the image.
                    var ignoreFile = Path.Combine(root, ".dockerignore");
                    var existing = File.Exists(ignoreFile);
                    var text = existing ? await File.ReadAllTextAsync(ignoreFile, cancellationToken) : ".dockerignore\n";
                    await AddBytesAsync(writer, ".dockerignore", Encoding.UTF8.GetBytes(text + "\n" + OutsideDockerfileName + "\n"), cancellationToken);
                    entries.Add(".dockerignore");
                }
                else if (File.Exists(Path.Combine(root, ".dockerignore")) && !entries.Contains(".dockerignore"))
                {
                    await walker.AddFileAsync(Path.Combine(root, ".dockerignore"), ".dockerignore");
                }
            }

            file.Position = 0;
            log.Information($"Build context {root}: {entries.Count(e => !e.EndsWith('/'))} files, {FormatSize(file.Length)}; Dockerfile {dockerfilePath}");
            return new BuildContext(file, dockerfileName, entries);
        }
        catch
        {
            await file.DisposeAsync();
            throw;
        }
    }

    /// <summary>The tar, from its start. The stream belongs to this context: do not dispose it.</summary>
    public Stream OpenRead()
    {
        tar.Position = 0;
        return tar;
    }

    public void Dispose() => tar.Dispose();

    internal static string FormatSize(long bytes) => bytes switch
    {
        >= 1024 * 1024 => $"{bytes / 1024.0 / 1024.0:0.0} MB",
        >= 1024 => $"{bytes / 1024.0:0.0} kB",
        _ => $"{bytes} B",
    };

    private static async Task AddBytesAsync(TarWriter writer, string name, byte[] content, CancellationToken cancellationToken)
    {
        var entry = new PaxTarEntry(TarEntryType.RegularFile, name)
        {
            Mode = UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.GroupRead | UnixFileMode.OtherRead,
            DataStream = new MemoryStream(content),
        };
        await writer.WriteEntryAsync(entry, cancellationToken);
    }

    /// <summary>Walks the directory in ordinal order so the same files always give the same tar.</summary>
    private sealed class Walker(string root, DockerIgnore ignore, string? skip, TarWriter writer, List<string> entries, CancellationToken cancellationToken)
    {
        public async Task WalkAsync(string directory)
        {
            var children = new DirectoryInfo(directory).EnumerateFileSystemInfos().OrderBy(i => i.Name, StringComparer.Ordinal);
            foreach (var child in children)
            {
                cancellationToken.ThrowIfCancellationRequested();
                var relative = Path.GetRelativePath(root, child.FullName).Replace('\\', '/');
                var isDirectory = child is DirectoryInfo && child.LinkTarget is null;
                if (relative == skip)
                {
                    continue;
                }

                if (ignore.IsExcluded(relative))
                {
                    // Like moby: an excluded directory is still walked only when an exception names something in it.
                    if (isDirectory && ignore.MayReincludeBelow(relative))
                    {
                        await WalkAsync(child.FullName);
                    }

                    continue;
                }

                if (isDirectory)
                {
                    await AddAsync(child.FullName, relative + "/");
                    await WalkAsync(child.FullName);
                }
                else
                {
                    await AddFileAsync(child.FullName, relative);
                }
            }
        }

        public async Task AddFileAsync(string path, string name)
        {
            var entry = ToEntry(path, name);
            if (entry is null)
            {
                return;
            }

            await using (entry.DataStream)
            {
                await writer.WriteEntryAsync(entry, cancellationToken);
            }

            entries.Add(name);
        }

        private Task AddAsync(string path, string name) => AddFileAsync(path, name);

        private static PaxTarEntry? ToEntry(string path, string name)
        {
            var info = new FileInfo(path);
            PaxTarEntry entry;
            if (info.LinkTarget is not null)
            {
                entry = new PaxTarEntry(TarEntryType.SymbolicLink, name) { LinkName = info.LinkTarget };
            }
            else if (info.Attributes.HasFlag(FileAttributes.Directory))
            {
                entry = new PaxTarEntry(TarEntryType.Directory, name);
            }
            else if (info.Exists && (info.Attributes & FileAttributes.Device) == 0)
            {
                entry = new PaxTarEntry(TarEntryType.RegularFile, name)
                {
                    DataStream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 81920, useAsync: true),
                };
            }
            else
            {
                // Sockets, fifos and devices have no place in a build context.
                return null;
            }

            entry.Mode = OperatingSystem.IsWindows() ? DefaultMode(entry.EntryType) : info.UnixFileMode;
            entry.ModificationTime = info.LastWriteTimeUtc;

            // Root owns everything, as with docker build: the engine's COPY cache hashes ownership.
            entry.Uid = 0;
            entry.Gid = 0;
            return entry;
        }

        private static UnixFileMode DefaultMode(TarEntryType type) =>
            UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.GroupRead | UnixFileMode.OtherRead
            | (type == TarEntryType.Directory ? UnixFileMode.UserExecute | UnixFileMode.GroupExecute | UnixFileMode.OtherExecute : UnixFileMode.None);
    }
}
