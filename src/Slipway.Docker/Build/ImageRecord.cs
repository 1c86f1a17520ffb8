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
        ImageRecord? record;
        try
        {
            record = await JsonSerializer.DeserializeAsync(stream, ImageRecordJson.Default.ImageRecord, cancellationToken);
        }
        catch (JsonException exception)
        {
            var where = exception.LineNumber is { } line ? $" (line {line + 1}, {exception.Path ?? "$"})" : string.Empty;
            throw new InvalidDataException($"{path} is not a valid image record{where}: build the image again (DockerBuild writes it), or delete the file.", exception);
        }

        if (record is null)
        {
            throw new InvalidDataException($"{path} holds no image record (it is empty or null): build the image again.");
        }

        var missing = new[] { ("repository", record.Repository), ("imageId", record.ImageId), ("version", record.Version) }
            .Where(f => string.IsNullOrWhiteSpace(f.Item2)).Select(f => f.Item1).ToList();
        if (record.Tags is null)
        {
            missing.Add("tags");
        }

        return missing.Count == 0
            ? record
            : throw new InvalidDataException($"{path} is not a valid image record: it has no {string.Join(", ", missing)}. Build the image again (DockerBuild writes it).");
    }
}

[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase, WriteIndented = true)]
[JsonSerializable(typeof(ImageRecord))]
internal sealed partial class ImageRecordJson : JsonSerializerContext;
