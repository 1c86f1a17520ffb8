using System.Formats.Tar;

namespace Slipway.Docker;

/// <summary>
/// Writes context files as the Docker CLI's tar writer does: each kind as its own entry type (a symbolic link
/// with its target as read, dangling or not; a FIFO or device without opening it; a second name of a hard-linked
/// file as a link to the first), the name as it is, modification times in whole seconds, and root as owner
/// (the engine's COPY cache hashes ownership). Sockets are left out, as Docker leaves them out.
/// </summary>
internal sealed class ContextTarWriter(TarWriter writer)
{
    private readonly Dictionary<ulong, string> firstNameOfInode = [];

    /// <summary>Writes <paramref name="file"/>; returns its entry name, or null when Docker would not send it.</summary>
    public async Task<string?> AddAsync(ContextFile file, CancellationToken cancellationToken)
    {
        var status = file.Status;
        var type = status.Kind switch
        {
            ContextFileKind.Directory => TarEntryType.Directory,
            ContextFileKind.SymbolicLink => TarEntryType.SymbolicLink,
            ContextFileKind.Fifo => TarEntryType.Fifo,
            ContextFileKind.CharacterDevice => TarEntryType.CharacterDevice,
            ContextFileKind.BlockDevice => TarEntryType.BlockDevice,
            ContextFileKind.Regular => TarEntryType.RegularFile,
            _ => (TarEntryType?)null,
        };
        if (type is null)
        {
            return null;
        }

        var name = status.Kind == ContextFileKind.Directory ? file.Name + "/" : file.Name;
        string? hardLinkTarget = null;
        if (status.Kind != ContextFileKind.Directory && status.LinkCount > 1 && !firstNameOfInode.TryAdd(status.Inode, name))
        {
            hardLinkTarget = firstNameOfInode[status.Inode];
        }

        var entry = new PaxTarEntry(hardLinkTarget is null ? type.Value : TarEntryType.HardLink, name)
        {
            Mode = status.Mode,
            ModificationTime = status.ModificationTime,
            Uid = 0,
            Gid = 0,
        };
        if (hardLinkTarget is not null)
        {
            entry.LinkName = hardLinkTarget;
        }
        else if (type == TarEntryType.SymbolicLink)
        {
            entry.LinkName = new FileInfo(file.FullPath).LinkTarget ?? throw new IOException($"cannot read the symbolic link {file.FullPath}");
        }
        else if (type is TarEntryType.CharacterDevice or TarEntryType.BlockDevice)
        {
            entry.DeviceMajor = status.DeviceMajor;
            entry.DeviceMinor = status.DeviceMinor;
        }
        else if (type == TarEntryType.RegularFile && status.Size > 0)
        {
            entry.DataStream = new FileStream(file.FullPath, FileMode.Open, FileAccess.Read, FileShare.Read, 81920, useAsync: true);
        }

        await using (entry.DataStream)
        {
            await writer.WriteEntryAsync(entry, cancellationToken);
        }

        return name;
    }

    /// <summary>Writes a regular file with the given content (the CLI's additions for an outside Dockerfile).</summary>
    public async Task AddBytesAsync(string name, byte[] content, UnixFileMode mode, DateTimeOffset modificationTime, CancellationToken cancellationToken)
    {
        var entry = new PaxTarEntry(TarEntryType.RegularFile, name)
        {
            Mode = mode,
            ModificationTime = modificationTime,
            DataStream = new MemoryStream(content),
        };
        await writer.WriteEntryAsync(entry, cancellationToken);
    }
}
