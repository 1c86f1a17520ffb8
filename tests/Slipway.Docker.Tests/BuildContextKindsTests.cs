using System.Diagnostics;
using System.Formats.Tar;
using System.Net.Sockets;
using Xunit.Abstractions;

namespace Slipway.Docker.Tests;

/// <summary>
/// The tar itself, without an engine: every kind of file as the Docker CLI writes it, names as they are, and the
/// CLI's decisions on exceptions and refusals.
/// </summary>
public sealed class BuildContextKindsTests(ITestOutputHelper output) : IDisposable
{
    private readonly string directory = Directory.CreateTempSubdirectory("slipway-context-kinds-").FullName;

    public void Dispose() => Directory.Delete(directory, recursive: true);

    [Fact]
    public async Task Symbolic_links_are_sent_as_links_dangling_or_not_and_never_followed()
    {
        Directory.CreateDirectory(Path.Combine(directory, "docs"));
        await File.WriteAllTextAsync(Path.Combine(directory, "docs", "a.md"), "a");
        File.CreateSymbolicLink(Path.Combine(directory, "dangling"), "nowhere");
        File.CreateSymbolicLink(Path.Combine(directory, "linkdir"), "docs");

        var entries = await EntriesAsync("");

        Assert.Equal((TarEntryType.SymbolicLink, "nowhere"), (entries["dangling"].EntryType, entries["dangling"].LinkName));
        Assert.Equal((TarEntryType.SymbolicLink, "docs"), (entries["linkdir"].EntryType, entries["linkdir"].LinkName));
        Assert.DoesNotContain("linkdir/a.md", entries.Keys);
    }

    [Fact]
    public async Task A_fifo_is_sent_as_a_fifo_without_being_opened()
    {
        await RunAsync("mkfifo", Path.Combine(directory, "pipe"));

        // Opening the FIFO for reading would block until a writer came: the build would hang.
        var entries = await EntriesAsync("").WaitAsync(TimeSpan.FromSeconds(30));

        Assert.Equal(TarEntryType.Fifo, entries["pipe"].EntryType);
    }

    [Fact]
    public async Task Devices_are_sent_with_their_numbers_and_sockets_are_left_out()
    {
        var made = await TryRunAsync("mknod", Path.Combine(directory, "null"), "c", "1", "3");
        using (var socket = new Socket(AddressFamily.Unix, SocketType.Stream, ProtocolType.Unspecified))
        {
            socket.Bind(new UnixDomainSocketEndPoint(Path.Combine(directory, "sock")));
        }

        var entries = await EntriesAsync("");

        Assert.DoesNotContain("sock", entries.Keys);
        if (!made)
        {
            output.WriteLine("mknod is not allowed here (not root): the device half of this test did not run");
            return;
        }

        var device = Assert.IsAssignableFrom<PosixTarEntry>(entries["null"]);
        Assert.Equal((TarEntryType.CharacterDevice, 1, 3), (device.EntryType, device.DeviceMajor, device.DeviceMinor));
    }

    [Fact]
    public async Task The_second_name_of_a_hard_linked_file_is_a_link_to_the_first()
    {
        await File.WriteAllTextAsync(Path.Combine(directory, "hard1"), "one inode");
        await RunAsync("ln", Path.Combine(directory, "hard1"), Path.Combine(directory, "hard2"));

        var entries = await EntriesAsync("");

        Assert.Equal(TarEntryType.RegularFile, entries["hard1"].EntryType);
        Assert.Equal((TarEntryType.HardLink, "hard1"), (entries["hard2"].EntryType, entries["hard2"].LinkName));
    }

    // A name with a newline is covered by the differential test: .NET's TarReader cannot read it back.
    [Fact]
    public async Task Names_are_sent_as_they_are_with_whole_second_times_and_root_as_owner()
    {
        await File.WriteAllTextAsync(Path.Combine(directory, "a\\"), "backslash");
        await File.WriteAllTextAsync(Path.Combine(directory, "日本.txt"), "unicode");
        File.SetLastWriteTimeUtc(Path.Combine(directory, "a\\"), new DateTime(2026, 1, 2, 3, 4, 5, 678, DateTimeKind.Utc));

        var entries = await EntriesAsync("");

        Assert.Contains("日本.txt", entries.Keys);
        var backslash = entries["a\\"];
        Assert.Equal(new DateTimeOffset(2026, 1, 2, 3, 4, 5, TimeSpan.Zero), backslash.ModificationTime);
        Assert.Equal((0, 0), (backslash.Uid, backslash.Gid));
    }

    [Theory]
    // An exception that matched the parent does not beat a later pattern; a later pattern the parent did
    // not reach is tried on the child alone (moby's MatchesUsingParentResults).
    [InlineData("a\n!a/keep\na", new[] { "a/keep" }, new[] { "a/", "a/other" })]
    [InlineData("a/other\n!a", new[] { "a/", "a/keep" }, new[] { "a/other" })]
    [InlineData("**/*.md\n!docs", new[] { "docs/" }, new[] { "docs/a.md" })]
    [InlineData("*\n!a/keep", new[] { "a/keep", "Dockerfile", ".dockerignore" }, new[] { "a/", "a/other", "docs/" })]
    public async Task Exceptions_are_decided_from_the_parents_results(string rules, string[] sent, string[] left)
    {
        Directory.CreateDirectory(Path.Combine(directory, "a"));
        Directory.CreateDirectory(Path.Combine(directory, "docs"));
        await File.WriteAllTextAsync(Path.Combine(directory, "a", "keep"), "keep");
        await File.WriteAllTextAsync(Path.Combine(directory, "a", "other"), "other");
        await File.WriteAllTextAsync(Path.Combine(directory, "docs", "a.md"), "md");

        var entries = await EntriesAsync(rules);

        Assert.All(sent, name => Assert.Contains(name, entries.Keys));
        Assert.All(left, name => Assert.DoesNotContain(name, entries.Keys));
    }

    [Fact]
    public async Task A_dockerignore_docker_refuses_is_refused_with_the_line()
    {
        var error = await Assert.ThrowsAsync<FormatException>(() => EntriesAsync("# outputs\nbin\n[a-b-c].txt\n"));

        Assert.StartsWith("syntax error in pattern", error.Message, StringComparison.Ordinal);
        Assert.Contains(".dockerignore line 3: \"[a-b-c].txt\"", error.Message, StringComparison.Ordinal);
    }

    private async Task<Dictionary<string, TarEntry>> EntriesAsync(string dockerignore)
    {
        await File.WriteAllTextAsync(Path.Combine(directory, ".dockerignore"), dockerignore);
        await File.WriteAllTextAsync(Path.Combine(directory, "Dockerfile"), "FROM scratch\n");
        using var context = await BuildContext.CreateAsync(directory, Path.Combine(directory, "Dockerfile"), new RecordingLog(output), CancellationToken.None);
        var entries = new Dictionary<string, TarEntry>();
        await using var reader = new TarReader(context.OpenRead(), leaveOpen: true);
        while (await reader.GetNextEntryAsync(copyData: true) is { } entry)
        {
            entries.Add(entry.Name, entry);
        }

        return entries;
    }

    private static async Task RunAsync(string file, params string[] arguments)
    {
        if (!await TryRunAsync(file, arguments))
        {
            throw new InvalidOperationException($"{file} {string.Join(' ', arguments)} failed");
        }
    }

    private static async Task<bool> TryRunAsync(string file, params string[] arguments)
    {
        using var process = Process.Start(new ProcessStartInfo(file, arguments) { RedirectStandardError = true }) ?? throw new InvalidOperationException($"cannot start {file}");
        await process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        return process.ExitCode == 0;
    }
}
