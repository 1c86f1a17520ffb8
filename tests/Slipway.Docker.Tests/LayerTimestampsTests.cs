using System.Formats.Tar;
using System.Text;

namespace Slipway.Docker.Tests;

/// <summary>Re-dating a layer: the same files dated differently give one digest, and nothing but the dates changes.</summary>
public sealed class LayerTimestampsTests
{
    private static readonly DateTimeOffset Commit = new(2026, 11, 26, 12, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task The_same_files_built_at_different_times_give_one_layer_digest()
    {
        var early = Layer(new DateTimeOffset(2026, 11, 28, 9, 0, 0, TimeSpan.Zero), new DateTimeOffset(2020, 1, 1, 0, 0, 0, TimeSpan.Zero));
        var late = Layer(new DateTimeOffset(2026, 11, 28, 17, 30, 5, TimeSpan.Zero), new DateTimeOffset(2023, 5, 5, 0, 0, 0, TimeSpan.Zero));
        Assert.NotEqual(Digest(early), Digest(late));

        var (earlyId, earlyBytes) = await RewriteAsync(early);
        var (lateId, lateBytes) = await RewriteAsync(late);

        Assert.Equal(earlyId, lateId);
        Assert.Equal(earlyBytes, lateBytes);
        Assert.Equal(Digest(earlyBytes), earlyId);
    }

    [Fact]
    public async Task Every_entry_keeps_its_kind_name_mode_owner_link_content_and_attributes_and_only_its_date_changes()
    {
        var original = Layer(DateTimeOffset.UtcNow, DateTimeOffset.UtcNow.AddYears(-3));

        var (_, rewritten) = await RewriteAsync(original);

        var before = Entries(original);
        var after = Entries(rewritten);
        Assert.Equal(before.Select(e => e.Describe()), after.Select(e => e.Describe()));
        Assert.All(after, e => Assert.Equal(Commit, e.ModificationTime));
        Assert.Equal("secret-free attribute", after.Single(e => e.Name == "app/Api.dll").Attribute);
    }

    private static async Task<(string DiffId, byte[] Bytes)> RewriteAsync(byte[] layer)
    {
        using var output = new MemoryStream();
        var diffId = await LayerTimestamps.RewriteAsync(new MemoryStream(layer), output, Commit, CancellationToken.None);
        return (diffId, output.ToArray());
    }

    private static string Digest(byte[] bytes) => "sha256:" + Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(bytes));

    /// <summary>What a classic-builder layer holds: a directory made at build time, copied files with their own dates, links, a whiteout.</summary>
    private static byte[] Layer(DateTimeOffset buildTime, DateTimeOffset fileTime)
    {
        using var stream = new MemoryStream();
        using (var writer = new TarWriter(stream, TarEntryFormat.Pax, leaveOpen: true))
        {
            writer.WriteEntry(new PaxTarEntry(TarEntryType.Directory, "app/") { Mode = (UnixFileMode)0x1ED, ModificationTime = buildTime });
            var dll = new PaxTarEntry(TarEntryType.RegularFile, "app/Api.dll", [new("SCHILY.xattr.user.note", "secret-free attribute"), new("atime", "1764300000")])
            {
                Mode = (UnixFileMode)0x1A4,
                ModificationTime = fileTime,
                Uid = 1654,
                Gid = 1654,
                UserName = "app",
                GroupName = "app",
                DataStream = new MemoryStream(Encoding.UTF8.GetBytes("the service")),
            };
            writer.WriteEntry(dll);
            writer.WriteEntry(new PaxTarEntry(TarEntryType.SymbolicLink, "app/current") { LinkName = "Api.dll", ModificationTime = fileTime });
            writer.WriteEntry(new PaxTarEntry(TarEntryType.HardLink, "app/Api.copy.dll") { LinkName = "app/Api.dll", ModificationTime = fileTime });
            writer.WriteEntry(new PaxTarEntry(TarEntryType.RegularFile, "etc/.wh.motd") { ModificationTime = buildTime });
        }

        return stream.ToArray();
    }

    private static List<Entry> Entries(byte[] layer)
    {
        var entries = new List<Entry>();
        using var reader = new TarReader(new MemoryStream(layer));
        while (reader.GetNextEntry() is { } entry)
        {
            var posix = (PosixTarEntry)entry;
            var content = entry.DataStream is null ? "" : new StreamReader(entry.DataStream).ReadToEnd();
            var attribute = entry is PaxTarEntry pax && pax.ExtendedAttributes.TryGetValue("SCHILY.xattr.user.note", out var value) ? value : null;
            entries.Add(new Entry(entry.EntryType, entry.Name, entry.Mode, entry.Uid, entry.Gid, posix.UserName, posix.GroupName, entry.LinkName, content, attribute, entry.ModificationTime));
        }

        return entries;
    }

    private sealed record Entry(TarEntryType Type, string Name, UnixFileMode Mode, int Uid, int Gid, string UserName, string GroupName, string LinkName, string Content, string? Attribute, DateTimeOffset ModificationTime)
    {
        public string Describe() => $"{Type} {Name} {Mode} {Uid}:{Gid} {UserName}:{GroupName} -> {LinkName} [{Content}] {Attribute}";
    }
}
