using System.Text.Json;
using System.Text.Json.Serialization;

namespace Slipway.Docker;

/// <summary>
/// What DockerBuild hands to later targets (EcrPush, EcsDeploy) in <c>artifacts/image.json</c>: the image,
/// its tags, the version and commit it was built from, its base image, and the registry digest once pushed.
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
    /// <summary>Where the build keeps it, relative to the repository root.</summary>
    public const string DefaultPath = "artifacts/image.json";

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
            throw new FileNotFoundException($"{path} does not exist: run the DockerBuild target first", path);
        }

        await using var stream = File.OpenRead(path);
        return await JsonSerializer.DeserializeAsync(stream, ImageRecordJson.Default.ImageRecord, cancellationToken)
            ?? throw new InvalidDataException($"{path} holds no image record");
    }
}

[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase, WriteIndented = true)]
[JsonSerializable(typeof(ImageRecord))]
internal sealed partial class ImageRecordJson : JsonSerializerContext;
