using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;

namespace Slipway.Aws.Transport;

/// <summary>
/// The one JSON contract of the AWS JSON 1.1 wire: camelCase members (as in the service models), nulls omitted,
/// unknown members ignored, timestamps as epoch seconds. The clients and the local cloud both use it, so a shape
/// serializes the same way in both directions.
/// </summary>
public static class AwsJson
{
    /// <summary>Read-only options; safe to share.</summary>
    public static JsonSerializerOptions Options { get; } = CreateOptions();

    public static byte[] Serialize<T>(T value) => JsonSerializer.SerializeToUtf8Bytes(value, Options);

    /// <summary>Reads a body; an empty body (some operations answer with nothing) is an empty object.</summary>
    public static T Deserialize<T>(ReadOnlySpan<byte> utf8Json)
        where T : new()
        => utf8Json.IsEmpty ? new T() : JsonSerializer.Deserialize<T>(utf8Json, Options) ?? new T();

    private static JsonSerializerOptions CreateOptions()
    {
        var options = new JsonSerializerOptions(JsonSerializerDefaults.General)
        {
            PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
            DictionaryKeyPolicy = null, // map keys (tags, log options, docker labels) are data, not names
            DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
            UnmappedMemberHandling = JsonUnmappedMemberHandling.Skip,
            TypeInfoResolver = new DefaultJsonTypeInfoResolver(),
        };
        options.Converters.Add(new EpochSecondsConverter());
        options.Converters.Add(new LenientStringConverter());
        options.MakeReadOnly();
        return options;
    }
}
