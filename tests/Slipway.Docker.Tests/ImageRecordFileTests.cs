namespace Slipway.Docker.Tests;

/// <summary>A broken artifacts/image.json is named, with where it broke and how to get a good one.</summary>
public sealed class ImageRecordFileTests : IDisposable
{
    private readonly string directory = Directory.CreateTempSubdirectory("slipway-image-record-").FullName;

    private string File(string text)
    {
        var path = Path.Combine(directory, "image.json");
        System.IO.File.WriteAllText(path, text);
        return path;
    }

    [Fact]
    public async Task Malformed_json_names_the_file_and_the_line()
    {
        var path = File("{\n  \"repository\": \"slipway/api\",\n  \"imageId\": \n}");

        var error = await Assert.ThrowsAsync<InvalidDataException>(() => ImageRecord.ReadAsync(path, CancellationToken.None));

        Assert.StartsWith($"{path} is not a valid image record (line 4, ", error.Message, StringComparison.Ordinal);
        Assert.Contains("build the image again (DockerBuild writes it)", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_record_without_its_image_names_the_missing_fields()
    {
        var path = File("""{ "repository": "slipway/api" }""");

        var error = await Assert.ThrowsAsync<InvalidDataException>(() => ImageRecord.ReadAsync(path, CancellationToken.None));

        Assert.Equal($"{path} is not a valid image record: it has no imageId, version, tags. Build the image again (DockerBuild writes it).", error.Message);
    }

    [Fact]
    public async Task A_written_record_reads_back()
    {
        var path = Path.Combine(directory, "image.json");
        var record = new ImageRecord("slipway/api", "sha256:1", ["slipway/api:1.0.0"], "1.0.0", "abc", null, "debian");
        await record.WriteAsync(path, CancellationToken.None);

        var read = await ImageRecord.ReadAsync(path, CancellationToken.None);

        Assert.Equal(record.ImageId, read.ImageId);
        Assert.Equal(record.Tags, read.Tags);
    }

    public void Dispose() => Directory.Delete(directory, recursive: true);
}
