using System.Text.Json;

namespace Slipway.Components.Mutation;

/// <summary>
/// A library's checked-in Stryker configuration (<c>src/&lt;Library&gt;/stryker-config.json</c>): the library it
/// belongs to and the score below which it fails (<c>stryker-config.thresholds.break</c>, Stryker's default 0).
/// </summary>
internal sealed record MutationConfig(string Library, AbsolutePath File, double Break)
{
    public const string FileName = "stryker-config.json";

    public static MutationConfig Read(AbsolutePath file)
    {
        ArgumentNullException.ThrowIfNull(file);
        try
        {
            return new MutationConfig(file.Parent!.Name, file, ParseBreak(file.ReadAllText()));
        }
        catch (Exception exception) when (exception is JsonException or FormatException)
        {
            throw new InvalidOperationException($"{file}: {exception.Message}", exception);
        }
    }

    public static double ParseBreak(string json)
    {
        using var document = JsonDocument.Parse(json);
        if (!document.RootElement.TryGetProperty("stryker-config", out var config) || config.ValueKind != JsonValueKind.Object)
        {
            throw new FormatException("no \"stryker-config\" object (Stryker's JSON config keeps its options in it)");
        }

        if (!config.TryGetProperty("thresholds", out var thresholds) || !thresholds.TryGetProperty("break", out var value))
        {
            return 0;
        }

        return value.ValueKind == JsonValueKind.Number && value.GetDouble() is >= 0 and <= 100
            ? value.GetDouble()
            : throw new FormatException($"\"thresholds.break\" is {value.GetRawText()}: give a number from 0 to 100");
    }
}
