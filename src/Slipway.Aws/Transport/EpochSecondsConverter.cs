using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Slipway.Aws.Transport;

/// <summary>
/// AWS JSON 1.1 sends timestamps as epoch seconds (a number, fractional for milliseconds). Reading also accepts a
/// string (ISO 8601 or a number in quotes) because some emulators send one.
/// </summary>
internal sealed class EpochSecondsConverter : JsonConverter<DateTime>
{
    public override DateTime Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        if (reader.TokenType == JsonTokenType.Number)
        {
            return FromSeconds(reader.GetDouble());
        }

        var text = reader.GetString() ?? throw new JsonException("A timestamp may not be null.");
        if (double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var seconds))
        {
            return FromSeconds(seconds);
        }

        return DateTimeOffset.Parse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal).UtcDateTime;
    }

    public override void Write(Utf8JsonWriter writer, DateTime value, JsonSerializerOptions options)
    {
        var utc = value.Kind == DateTimeKind.Local ? value.ToUniversalTime() : DateTime.SpecifyKind(value, DateTimeKind.Utc);
        var milliseconds = new DateTimeOffset(utc).ToUnixTimeMilliseconds();
        writer.WriteNumberValue(milliseconds / 1000m);
    }

    private static DateTime FromSeconds(double seconds)
        => DateTimeOffset.FromUnixTimeMilliseconds((long)Math.Round(seconds * 1000)).UtcDateTime;
}
