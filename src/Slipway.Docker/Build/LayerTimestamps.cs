using System.Formats.Tar;
using System.Security.Cryptography;

namespace Slipway.Docker;

/// <summary>
/// Rewrites one image layer (an uncompressed tar) with every entry dated at one time, as BuildKit's
/// <c>rewrite-timestamp</c> does with <c>SOURCE_DATE_EPOCH</c>: the classic builder dates a directory it creates
/// or changes (<c>WORKDIR</c>, <c>COPY</c>) at the moment of the build, and copied files keep the publish
/// output's times, so the same files give another layer digest on every machine. Names, kinds, modes, owners,
/// link targets, devices, contents and extended file attributes are kept; nothing else of the old headers is.
/// </summary>
internal static class LayerTimestamps
{
    private static readonly string[] KeptAttributePrefixes = ["SCHILY.xattr.", "LIBARCHIVE.xattr."];

    /// <summary>Writes <paramref name="layer"/> to <paramref name="rewritten"/> with every entry dated at <paramref name="time"/>; returns the new layer's diff id.</summary>
    public static async Task<string> RewriteAsync(Stream layer, Stream rewritten, DateTimeOffset time, CancellationToken cancellationToken)
    {
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        await using (var hashing = new HashingWriteStream(rewritten, hash))
        await using (var writer = new TarWriter(hashing, TarEntryFormat.Pax, leaveOpen: true))
        await using (var reader = new TarReader(layer, leaveOpen: true))
        {
            while (await reader.GetNextEntryAsync(copyData: false, cancellationToken) is { } entry)
            {
                await writer.WriteEntryAsync(Redated(entry, time), cancellationToken);
            }
        }

        return "sha256:" + Convert.ToHexStringLower(hash.GetHashAndReset());
    }

    private static PaxTarEntry Redated(TarEntry entry, DateTimeOffset time)
    {
        var attributes = entry is PaxTarEntry pax
            ? pax.ExtendedAttributes.Where(a => KeptAttributePrefixes.Any(p => a.Key.StartsWith(p, StringComparison.Ordinal)))
            : [];
        var type = entry.EntryType switch
        {
            TarEntryType.V7RegularFile or TarEntryType.ContiguousFile => TarEntryType.RegularFile,
            var other => other,
        };
        var copy = new PaxTarEntry(type, entry.Name, attributes)
        {
            Mode = entry.Mode,
            Uid = entry.Uid,
            Gid = entry.Gid,
            ModificationTime = time,
        };
        if (entry is PosixTarEntry posix)
        {
            copy.UserName = posix.UserName;
            copy.GroupName = posix.GroupName;
            if (type is TarEntryType.CharacterDevice or TarEntryType.BlockDevice)
            {
                copy.DeviceMajor = posix.DeviceMajor;
                copy.DeviceMinor = posix.DeviceMinor;
            }
        }

        if (type is TarEntryType.SymbolicLink or TarEntryType.HardLink)
        {
            copy.LinkName = entry.LinkName;
        }

        if (type == TarEntryType.RegularFile)
        {
            copy.DataStream = entry.DataStream;
        }

        return copy;
    }

    /// <summary>Passes writes on and feeds them to a hash: the diff id of a layer is the digest of its tar.</summary>
    private sealed class HashingWriteStream(Stream inner, IncrementalHash hash) : Stream
    {
        public override bool CanRead => false;

        public override bool CanSeek => false;

        public override bool CanWrite => true;

        public override long Length => throw new NotSupportedException();

        public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }

        public override void Write(byte[] buffer, int offset, int count) => Write(buffer.AsSpan(offset, count));

        public override void Write(ReadOnlySpan<byte> buffer)
        {
            hash.AppendData(buffer);
            inner.Write(buffer);
        }

        public override async ValueTask WriteAsync(ReadOnlyMemory<byte> buffer, CancellationToken cancellationToken = default)
        {
            hash.AppendData(buffer.Span);
            await inner.WriteAsync(buffer, cancellationToken);
        }

        public override Task WriteAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
            WriteAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

        public override void Flush() => inner.Flush();

        public override Task FlushAsync(CancellationToken cancellationToken) => inner.FlushAsync(cancellationToken);

        public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();
    }
}
