using System.Runtime.InteropServices;
using System.Text;

namespace Slipway.Docker;

/// <summary>What a build context entry is on disk.</summary>
internal enum ContextFileKind
{
    Regular,
    Directory,
    SymbolicLink,
    Fifo,
    CharacterDevice,
    BlockDevice,
    Socket,
}

/// <summary>
/// lstat of one file of a build context: its kind, permissions, size, modification time, inode and link count
/// (for hard links) and device numbers. On Linux this is <c>statx(2)</c>, whose layout is the same on every
/// architecture; elsewhere .NET's own file information stands in (no devices, FIFOs or hard links there).
/// </summary>
internal readonly record struct ContextFileStatus(
    ContextFileKind Kind,
    UnixFileMode Mode,
    long Size,
    DateTimeOffset ModificationTime,
    ulong Inode,
    uint LinkCount,
    int DeviceMajor,
    int DeviceMinor)
{
    private const int AtFdCwd = -100;
    private const int AtSymlinkNoFollow = 0x100;
    private const uint StatxBasicStats = 0x7FF;
    private const int NotPermitted = 1;
    private const int NoSuchFile = 2;
    private const int NoSuchSystemCall = 38;

    /// <summary>The status of <paramref name="path"/> itself (a symbolic link is not followed).</summary>
    public static ContextFileStatus Of(string path)
    {
        if (OperatingSystem.IsLinux())
        {
            var bytes = Encoding.UTF8.GetBytes(path + "\0");
            if (NativeMethods.statx(AtFdCwd, bytes, AtSymlinkNoFollow, StatxBasicStats, out var status) == 0)
            {
                return FromStatx(status);
            }

            var errno = Marshal.GetLastPInvokeError();
            if (errno is not (NoSuchSystemCall or NotPermitted))
            {
                // .NET sees names that are not valid UTF-8 with replacement characters, so such a file cannot be found again.
                throw new IOException($"cannot read {path} for the build context: {Marshal.GetPInvokeErrorMessage(errno)}"
                    + (errno == NoSuchFile ? " (a name that is not valid UTF-8 cannot be sent: rename the file or list it in .dockerignore)" : ""));
            }

            // An old kernel or a seccomp profile without statx: what .NET itself knows will do.
        }

        return FromManaged(path);
    }

    private static ContextFileStatus FromStatx(Statx status)
    {
        var kind = (status.Mode & 0xF000) switch
        {
            0x4000 => ContextFileKind.Directory,
            0xA000 => ContextFileKind.SymbolicLink,
            0x1000 => ContextFileKind.Fifo,
            0x2000 => ContextFileKind.CharacterDevice,
            0x6000 => ContextFileKind.BlockDevice,
            0xC000 => ContextFileKind.Socket,
            _ => ContextFileKind.Regular,
        };
        return new ContextFileStatus(
            kind,
            (UnixFileMode)(status.Mode & 0xFFF),
            (long)status.Size,
            DateTimeOffset.FromUnixTimeSeconds(status.MtimeSeconds),
            status.Inode,
            status.LinkCount,
            (int)status.RdevMajor,
            (int)status.RdevMinor);
    }

    private static ContextFileStatus FromManaged(string path)
    {
        var info = new FileInfo(path);
        var kind = info.LinkTarget is not null ? ContextFileKind.SymbolicLink
            : info.Attributes.HasFlag(FileAttributes.Directory) ? ContextFileKind.Directory
            : ContextFileKind.Regular;
        var mode = OperatingSystem.IsWindows()
            ? UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.GroupRead | UnixFileMode.OtherRead
              | (kind == ContextFileKind.Directory ? UnixFileMode.UserExecute | UnixFileMode.GroupExecute | UnixFileMode.OtherExecute : UnixFileMode.None)
            : info.UnixFileMode;
        var time = new DateTimeOffset(info.LastWriteTimeUtc);
        return new ContextFileStatus(kind, mode, kind == ContextFileKind.Regular ? info.Length : 0, DateTimeOffset.FromUnixTimeSeconds(time.ToUnixTimeSeconds()), 0, 1, 0, 0);
    }

    /// <summary>struct statx (linux/stat.h): 256 bytes, the same on every architecture.</summary>
    [StructLayout(LayoutKind.Explicit, Size = 256)]
    private struct Statx
    {
        [FieldOffset(16)] public uint LinkCount;
        [FieldOffset(28)] public ushort Mode;
        [FieldOffset(32)] public ulong Inode;
        [FieldOffset(40)] public ulong Size;
        [FieldOffset(112)] public long MtimeSeconds;
        [FieldOffset(128)] public uint RdevMajor;
        [FieldOffset(132)] public uint RdevMinor;
    }

    private static class NativeMethods
    {
        [DllImport("libc", SetLastError = true)]
        [DefaultDllImportSearchPaths(DllImportSearchPath.SafeDirectories)]
        public static extern int statx(int dirfd, byte[] pathname, int flags, uint mask, out Statx statxbuf);
    }
}
