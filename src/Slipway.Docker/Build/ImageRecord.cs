using System.Text.Json;
using System.Text.Json.Serialization;

namespace Slipway.Docker;

/// <summary>
/// What the step that builds an image hands to the steps after it (push, deploy), as a JSON file: the image,
/// its local tags, the version and commit it was built from, its base image, and the registry digest once pushed.
/// </summary>
public sealed record ImageRecord(
    string Repository,
    string ImageId,
    IReadOnlyList<string> Tags,
    string Version,
    string Commit,
    string? Digest,
    string BaseImage)
{
    public async Task WriteAsync(string path, CancellationToken cancellationToken)
    {
        var directory = Path.GetDirectoryName(Path.GetFullPath(path))!;
        Directory.CreateDirectory(directory);
        await using var stream = File.Create(path);
        await JsonSerializer.SerializeAsync(stream, this, ImageRecordJson.Default.ImageRecord, cancellationToken);
    }

    public static async Task<ImageRecord> ReadAsync(string path, CancellationToken cancellationToken)
    {
        if (!File.Exists(path))
        {
            throw new FileNotFoundException($"There is no image record at {path}: build the image first (it writes the record).", path);
        }

        await using var stream = File.OpenRead(path);
        return await JsonSerializer.DeserializeAsync(stream, ImageRecordJson.Default.ImageRecord, cancellationToken)
            ?? throw new InvalidDataException($"{path} holds no image record (it is empty or null): build the image again.");
    }
}

[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase, WriteIndented = true)]
[JsonSerializable(typeof(ImageRecord))]
internal sealed partial class ImageRecordJson : JsonSerializerContext;
