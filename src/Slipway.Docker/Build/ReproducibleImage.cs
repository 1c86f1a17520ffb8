using System.Formats.Tar;
using System.Security.Cryptography;
using System.Text.Json;
using Docker.DotNet.Models;
using Slipway.Output;

namespace Slipway.Docker;

/// <summary>
/// Makes a freshly built image the same on every engine: its own layers (those above the base image) are
/// re-dated at one time (<see cref="LayerTimestamps"/>), its config loses what differs per build
/// (<see cref="ReproducibleConfig"/>), and the result is loaded back under the same tags. The engine's classic
/// builder has no <c>SOURCE_DATE_EPOCH</c>; BuildKit's <c>rewrite-timestamp</c> does the same thing. Only the
/// image's own layers travel: a load skips a layer the engine already has, so the base is never re-sent.
/// </summary>
internal sealed class ReproducibleImage(DockerEngine engine)
{
    /// <summary>Rewrites <paramref name="imageId"/> dated at <paramref name="time"/>, tags it with <paramref name="tags"/>; returns the new id.</summary>
    public async Task<string> RewriteAsync(string imageId, IReadOnlyList<string> tags, DateTimeOffset time, ILog log, CancellationToken cancellationToken)
    {
        var image = await engine.Client.Images.InspectImageAsync(imageId, cancellationToken);
        if (string.IsNullOrEmpty(image.Parent))
        {
            return imageId; // A Dockerfile with nothing but FROM: the base image itself, left as it is.
        }

        var (baseLayers, baseHistory) = await BaseOfAsync(image, cancellationToken);
        var layers = image.RootFS.Layers.ToList();
        var work = Directory.CreateTempSubdirectory("slipway-reproducible-");
        try
        {
            var (config, ownLayers) = await SaveAsync(imageId, layers.Skip(baseLayers).ToHashSet(StringComparer.Ordinal), work.FullName, cancellationToken);
            var diffIds = layers.Take(baseLayers).ToList();
            foreach (var layer in layers.Skip(baseLayers))
            {
                await using var original = File.OpenRead(ownLayers[layer]);
                await using var rewritten = File.Create(Path.Combine(work.FullName, $"rewritten-{diffIds.Count}.tar"));
                diffIds.Add(await LayerTimestamps.RewriteAsync(original, rewritten, time, cancellationToken));
            }

            var newConfig = ReproducibleConfig.Rewrite(config, diffIds, baseHistory, time);
            var newId = "sha256:" + Convert.ToHexStringLower(SHA256.HashData(newConfig));
            await LoadAsync(newConfig, diffIds, baseLayers, tags, work.FullName, cancellationToken);
            log.Information($"Dated the image's own layers and history at {time.UtcDateTime:yyyy-MM-dd HH:mm:ss}Z (the commit time): {newId[..19]}, the same on any engine");
            // The image as built stays, untagged: it is the last step's layer cache, and another build of the same
            // inputs (same raw id) may be reading it right now.
            return newId;
        }
        finally
        {
            work.Delete(recursive: true);
        }
    }

    /// <summary>
    /// How many layers and history entries belong to the base: the classic builder chains each step's image to
    /// the one before, up to the image of <c>FROM</c>, which came from elsewhere (a pull, a load, an import) and
    /// so has a name. A chain that ends in an unnamed image started <c>FROM scratch</c>: everything is the build's.
    /// </summary>
    private async Task<(int Layers, int History)> BaseOfAsync(ImageInspectResponse image, CancellationToken cancellationToken)
    {
        var current = image;
        while (!string.IsNullOrEmpty(current.Parent))
        {
            current = await engine.Client.Images.InspectImageAsync(current.Parent, cancellationToken);
        }

        if ((current.RepoTags?.Count ?? 0) == 0 && (current.RepoDigests?.Count ?? 0) == 0)
        {
            return (0, 0);
        }

        var history = await engine.Client.Images.GetImageHistoryAsync(current.ID, cancellationToken);
        return (current.RootFS.Layers.Count, history.Count);
    }

    /// <summary>
    /// The image's config and its own layers, out of <c>docker save</c>. Every file of the archive is recognised
    /// by its digest (a layer's is its diff id, the config's the image id), whatever layout the engine saves in.
    /// </summary>
    private async Task<(byte[] Config, Dictionary<string, string> Layers)> SaveAsync(string imageId, HashSet<string> ownLayers, string work, CancellationToken cancellationToken)
    {
        byte[]? config = null;
        var layers = new Dictionary<string, string>(StringComparer.Ordinal);
        // Whole first: Docker.DotNet's chunked stream fails reads that a tar reader makes mid-stream.
        var archivePath = Path.Combine(work, "saved.tar");
        await using (var saved = await engine.Client.Images.SaveImageAsync(imageId, cancellationToken))
        await using (var copy = File.Create(archivePath))
        {
            await saved.CopyToAsync(copy, cancellationToken);
        }

        await using var archiveFile = File.OpenRead(archivePath);
        await using var archive = new TarReader(archiveFile);
        while (await archive.GetNextEntryAsync(copyData: false, cancellationToken) is { } entry)
        {
            if (entry.DataStream is null)
            {
                continue;
            }

            // The archive is a file, so an entry's data can be read twice: once to know it, once to keep it.
            var digest = "sha256:" + Convert.ToHexStringLower(await SHA256.HashDataAsync(entry.DataStream, cancellationToken));
            if (digest == imageId)
            {
                entry.DataStream.Position = 0;
                using var bytes = new MemoryStream();
                await entry.DataStream.CopyToAsync(bytes, cancellationToken);
                config = bytes.ToArray();
            }
            else if (ownLayers.Contains(digest))
            {
                entry.DataStream.Position = 0;
                var path = Path.Combine(work, $"saved-{layers.Count}");
                await using (var file = File.Create(path))
                {
                    await entry.DataStream.CopyToAsync(file, cancellationToken);
                }

                layers[digest] = path;
            }
        }

        var missing = ownLayers.Where(l => !layers.ContainsKey(l)).ToList();
        if (config is null || missing.Count > 0)
        {
            throw new InvalidDataException($"docker save of {imageId} lacks {(config is null ? "its config" : $"layer {missing[0]}")}: the engine's save format is not one Slipway reads");
        }

        return (config, layers);
    }

    /// <summary>Loads the new config and its rewritten layers; the base's layers are named but not sent (the engine has them).</summary>
    private async Task LoadAsync(byte[] config, List<string> diffIds, int baseLayers, IReadOnlyList<string> tags, string work, CancellationToken cancellationToken)
    {
        var configName = Convert.ToHexStringLower(SHA256.HashData(config)) + ".json";
        var layerNames = diffIds.Select(id => id["sha256:".Length..] + "/layer.tar").ToList();
        var manifest = JsonSerializer.SerializeToUtf8Bytes(new[] { new Dictionary<string, object> { ["Config"] = configName, ["RepoTags"] = tags, ["Layers"] = layerNames } });
        var load = Path.Combine(work, "load.tar");
        await using (var file = File.Create(load))
        await using (var writer = new TarWriter(file, TarEntryFormat.Pax, leaveOpen: true))
        {
            await writer.WriteEntryAsync(ArchiveFile(configName, new MemoryStream(config)), cancellationToken);
            for (var i = baseLayers; i < diffIds.Count; i++)
            {
                await using var layer = File.OpenRead(Path.Combine(work, $"rewritten-{i}.tar"));
                await writer.WriteEntryAsync(ArchiveFile(layerNames[i], layer), cancellationToken);
            }

            await writer.WriteEntryAsync(ArchiveFile("manifest.json", new MemoryStream(manifest)), cancellationToken);
        }

        var errors = new LoadErrors();
        await using var stream = File.OpenRead(load);
        await engine.Client.Images.LoadImageAsync(new ImageLoadParameters { Quiet = true }, stream, errors, cancellationToken);
        if (errors.Messages.Count > 0)
        {
            throw new DockerBuildException("loading the re-dated image", string.Join("; ", errors.Messages));
        }
    }

    /// <summary>The errors of a load, taken as they arrive (Progress&lt;T&gt; would post them after the call returned).</summary>
    private sealed class LoadErrors : IProgress<JSONMessage>
    {
        public List<string> Messages { get; } = [];

        public void Report(JSONMessage value)
        {
            if (!string.IsNullOrEmpty(value.ErrorMessage))
            {
                Messages.Add(value.ErrorMessage);
            }
        }
    }

    private static PaxTarEntry ArchiveFile(string name, Stream content) =>
        new(TarEntryType.RegularFile, name) { Mode = UnixFileMode.UserRead | UnixFileMode.UserWrite, ModificationTime = DateTimeOffset.UnixEpoch, DataStream = content };
}
