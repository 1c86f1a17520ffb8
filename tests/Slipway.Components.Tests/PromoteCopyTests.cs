using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using Slipway.Docker;

namespace Slipway.Components.Tests;

/// <summary>
/// The copy a promotion makes within one registry (Promote's cross-repository copy, RegistryClient.CopyImageAsync)
/// against a real registry: layers are mounted, so the bytes that cross the client are the manifests' whatever the
/// image's size; a registry that will not mount (ECR with blob mounting off) gets the layers through the client,
/// and each one so sent is named.
/// </summary>
[Trait(TestCategories.Name, TestCategories.Integration)]
public sealed class PromoteCopyTests : IAsyncLifetime, IDisposable
{
    private readonly CancellationTokenSource timeout = TestTimeouts.Start();
    private readonly BodyByteCounter counter = new() { InnerHandler = new HttpClientHandler() };
    private LocalRegistry registry = null!;
    private RegistryClient client = null!;

    public async Task InitializeAsync()
    {
        registry = await LocalRegistry.StartAsync(new RecordingLog(), TimeProvider.System, timeout.Token);
        client = new RegistryClient(registry.BaseAddress, handler: counter);
    }

    public async Task DisposeAsync() => await registry.DisposeAsync();

    public void Dispose()
    {
        client?.Dispose();
        counter.Dispose();
        timeout.Dispose();
    }

    [Fact]
    public async Task A_copy_between_repositories_mounts_the_layers_and_moves_only_the_manifest()
    {
        var (digest, layers) = await PushAsync("promote/source", layerBytes: 4_000_000);
        var before = counter.Bytes;

        var copied = await client.CopyImageAsync("promote/source", digest, "promote/target", "1.0.0", timeout.Token);

        var moved = counter.Bytes - before;
        Assert.Equal(digest, copied);
        Assert.Equal(digest, (await client.HeadManifestAsync("promote/target", "1.0.0", timeout.Token))?.Digest);
        foreach (var layer in layers)
        {
            Assert.True(await client.BlobExistsAsync("promote/target", layer, timeout.Token), $"{layer} is missing in promote/target");
        }

        // Two layers of 4 MB: what crossed the client is the manifest read and put again, a few kilobytes.
        Assert.InRange(moved, 1, 16_000);
    }

    [Fact]
    public async Task A_registry_that_will_not_mount_gets_the_layers_through_the_client_and_each_one_is_named()
    {
        var (digest, layers) = await PushAsync("promote/refusing", layerBytes: 2_000_000);
        using var counted = new BodyByteCounter { InnerHandler = new HttpClientHandler() };
        using var refusing = new RegistryClient(registry.BaseAddress, handler: new MountRefusingHandler { InnerHandler = counted });
        var sent = new List<string>();

        var copied = await refusing.CopyImageAsync("promote/refusing", digest, "promote/refused", "1.0.0", timeout.Token, sent.Add);

        Assert.Equal(digest, copied);
        Assert.Equal(digest, (await client.HeadManifestAsync("promote/refused", "1.0.0", timeout.Token))?.Digest);
        Assert.All(layers, layer => Assert.Contains(layer, sent));
        Assert.Equal(3, sent.Distinct(StringComparer.Ordinal).Count()); // the config and both layers
        Assert.True(counted.Bytes >= 2 * 2 * 2_000_000, $"only {counted.Bytes} bytes crossed the client: the layers were not read and uploaded");
    }

    [Fact]
    public async Task A_blob_the_registry_will_neither_mount_nor_serve_stops_the_copy_before_the_target_is_tagged()
    {
        var (digest, layers) = await PushAsync("promote/unmountable", layerBytes: 2_000_000);
        // The source repository no longer links the second layer (its manifest stays): the registry answers the
        // mount with an ordinary upload, and a GET of the blob there with 404.
        using (var http = new HttpClient { BaseAddress = registry.BaseAddress })
        {
            using var deleted = await http.DeleteAsync(new Uri($"v2/promote/unmountable/blobs/{layers[1]}", UriKind.Relative), timeout.Token);
            Assert.True(deleted.IsSuccessStatusCode, $"DELETE blob answered {(int)deleted.StatusCode}");
        }

        var refused = await Assert.ThrowsAsync<RegistryException>(() => client.CopyImageAsync("promote/unmountable", digest, "promote/unmounted", "1.0.0", timeout.Token));

        Assert.Contains($"would not mount blob {layers[1]} from promote/unmountable into promote/unmounted, and promote/unmountable does not have it to copy", refused.Message, StringComparison.Ordinal);
        Assert.Null(await client.HeadManifestAsync("promote/unmounted", "1.0.0", timeout.Token));
        Assert.False(await client.BlobExistsAsync("promote/unmounted", layers[1], timeout.Token));
    }

    /// <summary>Drops the mount from blob-upload requests: the registry then starts an ordinary upload, as ECR does with blob mounting off.</summary>
    private sealed class MountRefusingHandler : DelegatingHandler
    {
        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            if (request.Method == HttpMethod.Post && request.RequestUri is { Query: { Length: > 0 } query } uri && query.Contains("mount=", StringComparison.Ordinal))
            {
                request.RequestUri = new Uri(uri.GetLeftPart(UriPartial.Path));
            }

            return base.SendAsync(request, cancellationToken);
        }
    }

    /// <summary>An image of two random layers of <paramref name="layerBytes"/> and a config, pushed as EcrPush leaves it.</summary>
    private async Task<(string Digest, IReadOnlyList<string> Layers)> PushAsync(string repository, int layerBytes)
    {
        var layers = new List<string>();
        for (var i = 0; i < 2; i++)
        {
            layers.Add(await client.UploadBlobAsync(repository, RandomNumberGenerator.GetBytes(layerBytes), timeout.Token));
        }

        var config = Encoding.UTF8.GetBytes(new JsonObject
        {
            ["architecture"] = "amd64",
            ["os"] = "linux",
            ["rootfs"] = new JsonObject { ["type"] = "layers", ["diff_ids"] = new JsonArray([.. layers.Select(l => (JsonNode)l)]) },
        }.ToJsonString());
        var configDigest = await client.UploadBlobAsync(repository, config, timeout.Token);
        var manifest = Encoding.UTF8.GetBytes(new JsonObject
        {
            ["schemaVersion"] = 2,
            ["mediaType"] = ManifestMediaTypes.OciManifest,
            ["config"] = new JsonObject { ["mediaType"] = "application/vnd.oci.image.config.v1+json", ["digest"] = configDigest, ["size"] = config.Length },
            ["layers"] = new JsonArray([.. layers.Select(l => (JsonNode)new JsonObject { ["mediaType"] = "application/vnd.oci.image.layer.v1.tar", ["digest"] = l, ["size"] = layerBytes })]),
        }.ToJsonString());
        var digest = await client.PutManifestAsync(repository, "1.0.0", new RegistryManifest(ManifestMediaTypes.OciManifest, RegistryManifest.DigestOf(manifest), manifest), timeout.Token);
        return (digest, layers);
    }
}
