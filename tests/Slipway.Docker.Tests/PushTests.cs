using Xunit.Abstractions;

namespace Slipway.Docker.Tests;

[Collection(RealDocker.Name)]
[Trait(TestCategories.Name, TestCategories.Integration)]
public sealed class PushTests(DockerFixture fixture, ITestOutputHelper output) : IDisposable
{
    private readonly CancellationTokenSource timeout = TestTimeouts.Start();

    [Fact]
    public async Task Pushed_digest_is_the_digest_the_registry_reports_for_the_tag()
    {
        // A registry of its own: empty, so every layer is really uploaded (none mounted from other tests).
        var log = new RecordingLog(output);
        await using var empty = await LocalRegistry.StartAsync(log, fixture.Time, timeout.Token);
        var image = await fixture.ServiceImageAsync();
        var target = $"{empty.Host}/slipway/api:{DockerFixture.Version}";
        fixture.RemoveAfterwards([target]);

        var result = await new ImagePusher(fixture.Engine, fixture.Time).PushAsync(image.Id, target, null, log, timeout.Token);

        using var registry = new RegistryClient(empty.BaseAddress);
        var head = await registry.HeadManifestAsync(result.Reference.Repository, DockerFixture.Version, timeout.Token);
        Assert.NotNull(head);
        Assert.Equal(head.Digest, result.Digest);
        Assert.True(result.Uploaded);
        Assert.True(result.UploadedBytes > 1_000_000, $"uploaded {result.UploadedBytes} bytes");
        Assert.Contains(log.Lines, l => l.Contains(": pushing ", StringComparison.Ordinal) && l.EndsWith("%)", StringComparison.Ordinal));
        Assert.StartsWith("sha256:", result.Digest, StringComparison.Ordinal);
        Assert.Equal($"{empty.Host}/slipway/api@{result.Digest}", result.PinnedReference);

        // The manifest is what the digest says it is, and its blobs are in the repository.
        var manifest = await registry.GetManifestAsync(result.Reference.Repository, result.Digest, timeout.Token);
        Assert.NotNull(manifest);
        Assert.Equal(result.Digest, RegistryManifest.DigestOf(manifest.Content.Span));
        Assert.Equal(ManifestMediaTypes.DockerV2, manifest.MediaType);
        var config = System.Text.Json.JsonDocument.Parse(manifest.Content).RootElement.GetProperty("config").GetProperty("digest").GetString()!;
        Assert.True(await registry.BlobExistsAsync(result.Reference.Repository, config, timeout.Token));
        Assert.False(await registry.BlobExistsAsync(result.Reference.Repository, "sha256:" + new string('0', 64), timeout.Token));
    }

    [Fact]
    public async Task Pushing_the_same_image_again_uploads_nothing()
    {
        var image = await fixture.ServiceImageAsync();
        var target = $"{fixture.Registry.Host}/slipway/api-{Guid.NewGuid():N}:{DockerFixture.Version}";
        fixture.RemoveAfterwards([target]);
        var pusher = new ImagePusher(fixture.Engine, fixture.Time);
        var first = await pusher.PushAsync(image.Id, target, null, new RecordingLog(output), timeout.Token);
        var log = new RecordingLog(output);

        var second = await pusher.PushAsync(image.Id, target, null, log, timeout.Token);

        Assert.False(second.Uploaded);
        Assert.Equal(0, second.UploadedBytes);
        Assert.Equal(first.Digest, second.Digest);
        Assert.Contains(log.Lines, l => l.Contains("already in registry, nothing uploaded", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Pushing_a_pushed_image_under_another_tag_points_the_tag_at_the_digest_without_uploading()
    {
        var image = await fixture.ServiceImageAsync();
        var repository = $"{fixture.Registry.Host}/slipway/api-{Guid.NewGuid():N}";
        fixture.RemoveAfterwards([$"{repository}:{DockerFixture.Version}"]);
        var pusher = new ImagePusher(fixture.Engine, fixture.Time);
        var first = await pusher.PushAsync(image.Id, $"{repository}:{DockerFixture.Version}", null, new RecordingLog(output), timeout.Token);

        var retagged = await pusher.PushAsync(image.Id, $"{repository}:{DockerFixture.Commit}", null, new RecordingLog(output), timeout.Token);

        Assert.False(retagged.Uploaded);
        using var registry = new RegistryClient(fixture.Registry.BaseAddress);
        var head = await registry.HeadManifestAsync(first.Reference.Repository, DockerFixture.Commit, timeout.Token);
        Assert.Equal(first.Digest, head?.Digest);
    }

    [Fact]
    public async Task Registry_client_stores_and_reads_an_oci_index_with_its_media_type_and_digest()
    {
        var image = await fixture.ServiceImageAsync();
        var target = $"{fixture.Registry.Host}/slipway/api-{Guid.NewGuid():N}:{DockerFixture.Version}";
        fixture.RemoveAfterwards([target]);
        var pushed = await new ImagePusher(fixture.Engine, fixture.Time).PushAsync(image.Id, target, null, new RecordingLog(output), timeout.Token);
        using var registry = new RegistryClient(fixture.Registry.BaseAddress);
        var manifest = (await registry.GetManifestAsync(pushed.Reference.Repository, pushed.Digest, timeout.Token))!;
        var index = System.Text.Encoding.UTF8.GetBytes(
            $$$"""{"schemaVersion":2,"mediaType":"{{{ManifestMediaTypes.OciIndex}}}","manifests":[{"mediaType":"{{{manifest.MediaType}}}","digest":"{{{manifest.Digest}}}","size":{{{manifest.Content.Length}}},"platform":{"architecture":"amd64","os":"linux"}}]}""");

        var digest = await registry.PutManifestAsync(pushed.Reference.Repository, "multi", new RegistryManifest(ManifestMediaTypes.OciIndex, RegistryManifest.DigestOf(index), index), timeout.Token);
        var head = await registry.HeadManifestAsync(pushed.Reference.Repository, "multi", timeout.Token);
        var read = await registry.GetManifestAsync(pushed.Reference.Repository, digest, timeout.Token);

        Assert.Equal(RegistryManifest.DigestOf(index), digest);
        Assert.Equal(new ManifestDescriptor(ManifestMediaTypes.OciIndex, digest, index.Length), head);
        Assert.Equal(index, read!.Content.ToArray());
        Assert.Null(await registry.HeadManifestAsync(pushed.Reference.Repository, "no-such-tag", timeout.Token));
    }

    [Fact]
    public async Task Pushing_a_record_pushes_each_of_its_tags_and_returns_it_with_the_registry_s_digest()
    {
        var image = await fixture.ServiceImageAsync();
        var record = new ImageRecord(fixture.LocalRepository, image.Id, image.Tags, DockerFixture.Version, DockerFixture.Commit, null, fixture.BaseImage);
        var registryHost = fixture.Registry.Host;
        fixture.RemoveAfterwards(image.Tags.Select(t => $"{registryHost}/{t}"));

        var pushed = await new ImagePusher(fixture.Engine, fixture.Time).PushAllTagsAsync(record, registryHost, null, new RecordingLog(output), timeout.Token);

        Assert.Equal(image.Tags.Count, pushed.Pushes.Count);
        using var registry = new RegistryClient(fixture.Registry.BaseAddress);
        foreach (var tag in image.Tags)
        {
            var head = await registry.HeadManifestAsync(fixture.LocalRepository, tag.Split(':')[^1], timeout.Token);
            Assert.Equal(pushed.Record.Digest, head?.Digest);
        }

        Assert.Equal(record with { Digest = pushed.Record.Digest }, pushed.Record);
        Assert.Equal($"{registryHost}/{fixture.LocalRepository}@{pushed.Record.Digest}", pushed.PinnedReference);
        Assert.StartsWith(pushed.PinnedReference, pushed.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_record_without_tags_is_refused_before_anything_is_pushed()
    {
        var record = new ImageRecord("r", "sha256:abc", [], "1.0.0", "c", null, "base");

        var error = await Assert.ThrowsAsync<ArgumentException>(() => new ImagePusher(fixture.Engine, fixture.Time).PushAllTagsAsync(record, "127.0.0.1:1", null, new RecordingLog(output), timeout.Token));

        Assert.Contains("has no tags to push", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_push_to_something_that_is_not_a_registry_fails_in_seconds_naming_it()
    {
        var image = await fixture.ServiceImageAsync();
        var port = FreePort.OnLoopback();
        var record = new ImageRecord(fixture.LocalRepository, image.Id, image.Tags, DockerFixture.Version, DockerFixture.Commit, null, fixture.BaseImage);
        var clock = System.Diagnostics.Stopwatch.StartNew();

        var error = await Assert.ThrowsAsync<DockerPushException>(() =>
            new ImagePusher(fixture.Engine, fixture.Time).PushAllTagsAsync(record, $"127.0.0.1:{port}", null, new RecordingLog(output), timeout.Token));

        Assert.StartsWith($"127.0.0.1:{port} does not answer as a registry", error.Message, StringComparison.Ordinal);
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(15), $"took {clock.Elapsed}");
    }

    [Fact]
    public async Task A_record_whose_image_the_engine_no_longer_has_says_so_instead_of_a_raw_404()
    {
        var gone = "sha256:" + new string('e', 64);

        var error = await Assert.ThrowsAsync<DockerPushException>(() =>
            new ImagePusher(fixture.Engine, fixture.Time).PushAsync(gone, $"{fixture.Registry.Host}/slipway/gone:1.0.0", null, new RecordingLog(output), timeout.Token));

        Assert.Equal($"the image {gone} is not in the Docker engine (removed or pruned since it was built): build it again (DockerBuild)", error.Message);
    }

    [Fact]
    public async Task Image_record_round_trips_through_artifacts_image_json()
    {
        var path = Path.Combine(fixture.WorkDirectory, $"{Guid.NewGuid():N}", "image.json");
        var record = new ImageRecord("127.0.0.1:5000/slipway/api", "sha256:abc", ["127.0.0.1:5000/slipway/api:1.2.3"], "1.2.3", "abc123", null, "slipway/dotnet-aspnet-base:0123");

        await record.WriteAsync(path, timeout.Token);
        var pushed = (await ImageRecord.ReadAsync(path, timeout.Token)) with { Digest = "sha256:def" };
        await pushed.WriteAsync(path, timeout.Token);
        var read = await ImageRecord.ReadAsync(path, timeout.Token);

        Assert.Equal(record.Tags, read.Tags);
        Assert.Equal(record with { Tags = read.Tags, Digest = "sha256:def" }, read);
        Assert.Contains("\"digest\": \"sha256:def\"", await File.ReadAllTextAsync(path), StringComparison.Ordinal);
    }

    public void Dispose() => timeout.Dispose();
}
