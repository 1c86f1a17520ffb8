using System.Text.Json;
using Slipway.Docker;

namespace Slipway.Components.Promotion;

/// <summary>
/// An image copied from one registry to another over the registry API: each blob the target lacks is read from
/// the source and uploaded, those it has are skipped, then the manifest goes up as the same bytes, so the digest
/// is unchanged. An index brings its platform manifests along.
/// </summary>
internal sealed class RegistryToRegistryCopy(RegistryClient source, RegistryClient target)
{
    public async Task<string> CopyAsync(string sourceRepository, string digest, string targetRepository, string tag, CancellationToken cancellationToken)
    {
        var manifest = await source.GetManifestAsync(sourceRepository, digest, cancellationToken)
            ?? throw new RegistryException($"{source.BaseAddress} has no manifest {sourceRepository}@{digest} to copy");
        await CopyReferencedAsync(sourceRepository, targetRepository, manifest, cancellationToken);
        return await target.PutManifestAsync(targetRepository, tag, manifest, cancellationToken);
    }

    private async Task CopyReferencedAsync(string sourceRepository, string targetRepository, RegistryManifest manifest, CancellationToken cancellationToken)
    {
        using var json = JsonDocument.Parse(manifest.Content);
        var root = json.RootElement;
        if (root.TryGetProperty("manifests", out var children))
        {
            foreach (var child in children.EnumerateArray())
            {
                var childDigest = child.GetProperty("digest").GetString()!;
                var childManifest = await source.GetManifestAsync(sourceRepository, childDigest, cancellationToken)
                    ?? throw new RegistryException($"{source.BaseAddress} lists {childDigest} in {sourceRepository} but does not have it");
                await CopyReferencedAsync(sourceRepository, targetRepository, childManifest, cancellationToken);
                await target.PutManifestAsync(targetRepository, childDigest, childManifest, cancellationToken);
            }

            return;
        }

        var blobs = new List<string>();
        if (root.TryGetProperty("config", out var config))
        {
            blobs.Add(config.GetProperty("digest").GetString()!);
        }

        if (root.TryGetProperty("layers", out var layers))
        {
            blobs.AddRange(layers.EnumerateArray().Select(l => l.GetProperty("digest").GetString()!));
        }

        foreach (var blob in blobs.Distinct(StringComparer.Ordinal))
        {
            if (await target.BlobExistsAsync(targetRepository, blob, cancellationToken))
            {
                continue;
            }

            var content = await source.GetBlobAsync(sourceRepository, blob, cancellationToken)
                ?? throw new RegistryException($"{source.BaseAddress} has no blob {blob} in {sourceRepository} to copy");
            await target.UploadBlobAsync(targetRepository, content, cancellationToken);
        }
    }
}
