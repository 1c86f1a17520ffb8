using System.Text.Json;
using Slipway.Docker;

namespace Slipway.LocalCloud.Ecr;

/// <summary>What DescribeImages reports of a manifest: its compressed size and its artifact (config) media type.</summary>
internal static class ManifestFacts
{
    public static bool IsIndex(string mediaType) => mediaType is ManifestMediaTypes.DockerList or ManifestMediaTypes.OciIndex;

    /// <summary>Sum of the layer sizes of an image manifest.</summary>
    public static long LayerBytes(ReadOnlyMemory<byte> manifest)
    {
        using var json = JsonDocument.Parse(manifest);
        return json.RootElement.TryGetProperty("layers", out var layers) && layers.ValueKind == JsonValueKind.Array
            ? layers.EnumerateArray().Sum(l => l.TryGetProperty("size", out var size) && size.TryGetInt64(out var n) ? n : 0)
            : 0;
    }

    /// <summary>The digests an index (manifest list) refers to.</summary>
    public static IReadOnlyList<string> Members(ReadOnlyMemory<byte> index)
    {
        using var json = JsonDocument.Parse(index);
        return json.RootElement.TryGetProperty("manifests", out var manifests) && manifests.ValueKind == JsonValueKind.Array
            ? [.. manifests.EnumerateArray().Select(m => m.TryGetProperty("digest", out var d) ? d.GetString() : null).OfType<string>()]
            : [];
    }

    public static string? ConfigMediaType(ReadOnlyMemory<byte> manifest)
    {
        using var json = JsonDocument.Parse(manifest);
        return json.RootElement.TryGetProperty("config", out var config) && config.TryGetProperty("mediaType", out var type) ? type.GetString() : null;
    }

    /// <summary>The media type a manifest declares; an OCI manifest may omit it (then PutImage must name it).</summary>
    public static string? DeclaredMediaType(ReadOnlyMemory<byte> manifest)
    {
        try
        {
            using var json = JsonDocument.Parse(manifest);
            return json.RootElement.ValueKind == JsonValueKind.Object && json.RootElement.TryGetProperty("mediaType", out var type) ? type.GetString() : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
