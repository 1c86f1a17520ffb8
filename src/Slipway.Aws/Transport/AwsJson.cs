using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;

namespace Slipway.Aws.Transport;

/// <summary>
/// The one JSON contract of the AWS JSON 1.1 wire: members named as in the service models, nulls omitted, unknown
/// members ignored (AWS adds response members all the time), timestamps as epoch seconds. The clients (write requests,
/// read responses) and the local cloud (read requests, write responses) both use it, so a shape serializes the same
/// way in both directions.
/// </summary>
public static class AwsJson
{
    /// <summary>Read-only options; safe to share.</summary>
    public static JsonSerializerOptions Options { get; } = CreateOptions(mask: false);

    /// <summary>The same contract, with every <see cref="AwsSensitiveAttribute"/> member written as <c>"****"</c>: for output, never for the wire.</summary>
    public static JsonSerializerOptions DisplayOptions { get; } = CreateOptions(mask: true);

    public static byte[] Serialize<T>(T value) => JsonSerializer.SerializeToUtf8Bytes(value, Options);

    /// <summary>Writes a body to a stream (a request body, or a server's response).</summary>
    public static Task SerializeAsync<T>(Stream utf8Json, T value, CancellationToken cancellationToken = default)
        => JsonSerializer.SerializeAsync(utf8Json, value, Options, cancellationToken);

    /// <summary>Reads a body; an empty body (some operations answer with nothing) is an empty object.</summary>
    public static T Deserialize<T>(ReadOnlySpan<byte> utf8Json)
        where T : new()
        => utf8Json.IsEmpty ? new T() : JsonSerializer.Deserialize<T>(utf8Json, Options) ?? new T();

    /// <summary>Reads a body from a stream (a server's request, or a response); an empty body is an empty object.</summary>
    public static async Task<T> DeserializeAsync<T>(Stream utf8Json, CancellationToken cancellationToken = default)
        where T : new()
    {
        ArgumentNullException.ThrowIfNull(utf8Json);
        using var buffer = new MemoryStream();
        await utf8Json.CopyToAsync(buffer, cancellationToken);
        return Deserialize<T>(buffer.GetBuffer().AsSpan(0, (int)buffer.Length));
    }

    /// <summary>Indented JSON for people: sensitive members (environment, repository credentials) masked.</summary>
    public static string SerializeForDisplay<T>(T value) => JsonSerializer.Serialize(value, DisplayOptions);

    private static JsonSerializerOptions CreateOptions(bool mask)
    {
        var resolver = new DefaultJsonTypeInfoResolver();
        if (mask)
        {
            resolver.Modifiers.Add(SensitiveMembers.Mask);
        }

        var options = new JsonSerializerOptions(JsonSerializerDefaults.General)
        {
            PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
            DictionaryKeyPolicy = null, // map keys (tags, log options, docker labels) are data, not names
            DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
            UnmappedMemberHandling = JsonUnmappedMemberHandling.Skip,
            TypeInfoResolver = resolver,
            WriteIndented = mask,
        };
        options.Converters.Add(new EpochSecondsConverter());
        options.Converters.Add(new LenientStringConverter());
        // Stryker disable once Statement : options freeze at their first use anyway; this only makes the freeze explicit, so no reading differs without it.
        options.MakeReadOnly();
        return options;
    }
}
