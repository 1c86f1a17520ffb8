using System.Formats.Tar;
using System.Text;
using Slipway.Output;

namespace Slipway.Docker;

/// <summary>
/// The tar stream sent to the engine as a build context, made as the Docker CLI makes it: the files of a
/// directory minus what its .dockerignore excludes (decided path by path as the CLI decides), with the
/// Dockerfile and .dockerignore always sent, every kind of file as its own tar entry (symbolic links, dangling
/// or not, FIFOs, devices, hard links) and names as they are. A Dockerfile from outside the directory is added under a hidden name that the context's
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

        // The CLI's order: read .dockerignore (refusing what Docker refuses), check the context, then exempt
        // the Dockerfile and .dockerignore from the rules when they match them, and walk.
        var ignore = DockerIgnore.Load(root);
        ContextWalker.Check(root, ignore, cancellationToken);
        var relativeDockerfile = Path.GetRelativePath(root, dockerfilePath).Replace(Path.DirectorySeparatorChar, '/');
        var outside = relativeDockerfile.StartsWith("../", StringComparison.Ordinal) || Path.IsPathRooted(relativeDockerfile);
        var dockerfileName = outside ? OutsideDockerfileName : relativeDockerfile;
        var exempt = new[] { ".dockerignore", relativeDockerfile }.Where(ignore.IsExcludedAtPatternDepth).ToList();
        var files = ContextWalker.Walk(root, exempt.Count == 0 ? ignore : ignore.WithExceptions(exempt), cancellationToken);

        var file = new FileStream(Path.Combine(Path.GetTempPath(), $"slipway-context-{Guid.NewGuid():N}.tar"), FileMode.CreateNew, FileAccess.ReadWrite, FileShare.None, 81920, FileOptions.DeleteOnClose);
        var entries = new List<string>();
        try
        {
            await using (var writer = new TarWriter(file, TarEntryFormat.Pax, leaveOpen: true))
            {
                var tar = new ContextTarWriter(writer);
                foreach (var contextFile in files)
                {
                    if (outside && contextFile.Name == ".dockerignore" && contextFile.Status.Kind == ContextFileKind.Regular)
                    {
                        // As the CLI does: the context's own .dockerignore, same header, amended content (below).
                        var text = await File.ReadAllBytesAsync(contextFile.FullPath, cancellationToken);
                        await tar.AddBytesAsync(".dockerignore", AmendedDockerignore(text), contextFile.Status.Mode, contextFile.Status.ModificationTime, cancellationToken);
                        entries.Add(".dockerignore");
                    }
                    else if (await tar.AddAsync(contextFile, cancellationToken) is { } entry)
                    {
                        entries.Add(entry);
                    }
                }

                if (outside)
                {
                    // The CLI lists the hidden Dockerfile in .dockerignore so the engine removes it after parsing;
                    // a .dockerignore it has to invent lists itself too, so neither lands in the image.
                    var now = DateTimeOffset.FromUnixTimeSeconds(DateTimeOffset.UtcNow.ToUnixTimeSeconds());
                    await tar.AddBytesAsync(OutsideDockerfileName, await File.ReadAllBytesAsync(dockerfilePath, cancellationToken), OwnerReadWrite, now, cancellationToken);
                    entries.Add(OutsideDockerfileName);
                    if (!entries.Contains(".dockerignore"))
                    {
                        await tar.AddBytesAsync(".dockerignore", AmendedDockerignore(null), OwnerReadWrite, now, cancellationToken);
                        entries.Add(".dockerignore");
                    }
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

    internal static string FormatSize(long bytes) => ByteSize.Format(bytes);

    private const UnixFileMode OwnerReadWrite = UnixFileMode.UserRead | UnixFileMode.UserWrite;

    private static byte[] AmendedDockerignore(byte[]? existing) =>
        [.. existing ?? Encoding.UTF8.GetBytes(".dockerignore"), .. Encoding.UTF8.GetBytes("\n" + OutsideDockerfileName + "\n")];
}
