using System.Security.Cryptography;
using Xunit.Abstractions;

namespace Slipway.Docker.Tests;

/// <summary>Blob upload, cross-repository mount and image copy against the real registry of the fixture.</summary>
[Collection(RealDocker.Name)]
[Trait(TestCategories.Name, TestCategories.Integration)]
public sealed class RegistryBlobTests(DockerFixture fixture, ITestOutputHelper output) : IDisposable
{
    private readonly CancellationTokenSource timeout = TestTimeouts.Start();

    private static string NewRepository(string name) => $"slipway-test/{name}-{Guid.NewGuid():N}";

    [Fact]
    public async Task An_uploaded_blob_is_stored_under_its_digest_and_reads_back_byte_for_byte()
    {
        using var registry = new RegistryClient(fixture.Registry.BaseAddress);
        var repository = NewRepository("blobs");
        var content = RandomNumberGenerator.GetBytes(200_000);

        var digest = await registry.UploadBlobAsync(repository, content, timeout.Token);
        var again = await registry.UploadBlobAsync(repository, content, timeout.Token);

        Assert.Equal(RegistryManifest.DigestOf(content), digest);
        Assert.Equal(digest, again);
        Assert.True(await registry.BlobExistsAsync(repository, digest, timeout.Token));
        Assert.Equal(content, await registry.GetBlobAsync(repository, digest, timeout.Token));
        Assert.Null(await registry.GetBlobAsync(repository, RegistryManifest.DigestOf([1, 2, 3]), timeout.Token));
    }

    [Fact]
    public async Task A_blob_is_mounted_from_another_repository_without_sending_it_and_a_missing_one_is_not()
    {
        using var registry = new RegistryClient(fixture.Registry.BaseAddress);
        var source = NewRepository("source");
        var target = NewRepository("target");
        var digest = await registry.UploadBlobAsync(source, RandomNumberGenerator.GetBytes(10_000), timeout.Token);

        Assert.False(await registry.BlobExistsAsync(target, digest, timeout.Token));
        var mounted = await registry.MountBlobAsync(target, digest, source, timeout.Token);
        var missing = await registry.MountBlobAsync(target, RegistryManifest.DigestOf([9, 9, 9]), source, timeout.Token);

        Assert.True(mounted);
        Assert.True(await registry.BlobExistsAsync(target, digest, timeout.Token));
        Assert.False(missing);
    }

    [Fact]
    public async Task An_image_is_copied_to_another_repository_with_the_same_digest_and_all_its_blobs()
    {
        var image = await fixture.ServiceImageAsync();
        var source = NewRepository("promote-from");
        var target = NewRepository("promote-to");
        var pushedTarget = $"{fixture.Registry.Host}/{source}:{DockerFixture.Version}";
        fixture.RemoveAfterwards([pushedTarget]);
        var pushed = await new ImagePusher(fixture.Engine, fixture.Time).PushAsync(image.Id, pushedTarget, null, new RecordingLog(output), timeout.Token);
        using var registry = new RegistryClient(fixture.Registry.BaseAddress);

        var digest = await registry.CopyImageAsync(source, DockerFixture.Version, target, "promoted", timeout.Token);

        Assert.Equal(pushed.Digest, digest);
        Assert.Equal(pushed.Digest, (await registry.HeadManifestAsync(target, "promoted", timeout.Token))?.Digest);
        var manifest = (await registry.GetManifestAsync(target, digest, timeout.Token))!;
        using var json = System.Text.Json.JsonDocument.Parse(manifest.Content);
        var blobs = json.RootElement.GetProperty("layers").EnumerateArray().Select(l => l.GetProperty("digest").GetString()!)
            .Append(json.RootElement.GetProperty("config").GetProperty("digest").GetString()!);
        foreach (var blob in blobs)
        {
            Assert.True(await registry.BlobExistsAsync(target, blob, timeout.Token), $"{blob} is missing in {target}");
        }
    }

    [Fact]
    public async Task Copying_a_tag_that_does_not_exist_says_so()
    {
        using var registry = new RegistryClient(fixture.Registry.BaseAddress);

        var error = await Assert.ThrowsAsync<RegistryException>(() => registry.CopyImageAsync(NewRepository("none"), "1.0.0", NewRepository("to"), "x", timeout.Token));

        Assert.Contains("has no manifest", error.Message, StringComparison.Ordinal);
    }

    public void Dispose() => timeout.Dispose();
}
