using System.Formats.Tar;
using Docker.DotNet.Models;
using Slipway.Docker;

namespace Slipway.LocalCloud.Runtime.Tests;

/// <summary>
/// A tiny image made without the internet: the host's static busybox (package busybox-static) and the links
/// that make it a shell, sleep, wget and an HTTP server, imported into the engine from a tar stream (the runtime's
/// tests and the local cloud's end-to-end tests share this file). The
/// HTTP server serves /www, whose /health answers with the text of <c>$TASK_NAME</c> written at start.
/// </summary>
internal static class BusyboxImage
{
    public const string HostBusybox = "/bin/busybox";

    private static readonly string[] Applets = ["sh", "sleep", "wget", "httpd", "false", "true", "test", "id", "pwd", "echo", "cat", "mkdir", "kill"];

    /// <param name="marker">Written to /marker: a different marker makes a different image (another digest).</param>
    public static async Task CreateAsync(DockerEngine engine, string repository, string tag, CancellationToken cancellationToken, string marker = "")
    {
        if (!File.Exists(HostBusybox))
        {
            throw new InvalidOperationException($"{HostBusybox} is missing: install it with `sudo apt-get install busybox-static` (the local cloud's tests build their image from it).");
        }

        using var tar = new MemoryStream();
        await using (var writer = new TarWriter(tar, TarEntryFormat.Pax, leaveOpen: true))
        {
            foreach (var directory in new[] { "bin/", "tmp/", "www/", "etc/" })
            {
                await writer.WriteEntryAsync(new PaxTarEntry(TarEntryType.Directory, directory) { Mode = (UnixFileMode)0b111_111_111 }, cancellationToken);
            }

            await using (var busybox = File.OpenRead(HostBusybox))
            {
                await writer.WriteEntryAsync(
                    new PaxTarEntry(TarEntryType.RegularFile, "bin/busybox") { DataStream = busybox, Mode = (UnixFileMode)0b111_101_101 },
                    cancellationToken);
            }

            await writer.WriteEntryAsync(
                new PaxTarEntry(TarEntryType.RegularFile, "marker") { DataStream = new MemoryStream(System.Text.Encoding.UTF8.GetBytes(marker)), Mode = (UnixFileMode)0b110_100_100 },
                cancellationToken);

            foreach (var applet in Applets)
            {
                await writer.WriteEntryAsync(new PaxTarEntry(TarEntryType.SymbolicLink, $"bin/{applet}") { LinkName = "busybox" }, cancellationToken);
            }
        }

        tar.Position = 0;
        var errors = new List<string>();
        await engine.Client.Images.CreateImageAsync(
            new ImagesCreateParameters { FromSrc = "-", Repo = repository, Tag = tag, Changes = ["ENV PATH=/bin"] },
            tar,
            null,
            new Progress<JSONMessage>(m => { if (m.ErrorMessage is { Length: > 0 } e) { errors.Add(e); } }),
            cancellationToken);
        if (errors.Count > 0)
        {
            throw new InvalidOperationException($"importing the busybox image failed: {string.Join("; ", errors)}");
        }
    }
}
