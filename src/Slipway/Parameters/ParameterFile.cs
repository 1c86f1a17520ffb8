using System.Globalization;
using System.Text.Json;

namespace Slipway.Parameters;

/// <summary>Reads <c>.nuke/parameters.json</c> or <c>.nuke/parameters.&lt;profile&gt;.json</c> into raw values.</summary>
internal static class ParameterFile
{
    public static Dictionary<string, (string Key, RawValue Value)> Load(AbsolutePath file, AbsolutePath rootDirectory)
    {
        var display = file.RelativeTo(rootDirectory);
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(file.ReadAllText(), new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true });
        }
        catch (JsonException exception)
        {
            throw new UsageException($"{display} is not valid JSON: {exception.Message}", exception);
        }

        using (document)
        {
            if (document.RootElement.ValueKind != JsonValueKind.Object)
            {
                throw new UsageException($"{display} must hold a JSON object such as {{ \"Configuration\": \"Release\" }}.");
            }

            var values = new Dictionary<string, (string, RawValue)>(StringComparer.Ordinal);
            foreach (var property in document.RootElement.EnumerateObject())
            {
                if (property.Name == "$schema" || property.Value.ValueKind == JsonValueKind.Null)
                {
                    continue;
                }

                var source = $"{display}: {property.Name}";
                values[ParameterNames.Normalize(property.Name)] = (property.Name, new RawValue(Words(property.Value, source), source));
            }

            return values;
        }
    }

    private static List<string> Words(JsonElement element, string source) =>
        element.ValueKind switch
        {
            JsonValueKind.Array => [.. element.EnumerateArray().SelectMany(e => Words(e, source))],
            JsonValueKind.String => [element.GetString()!],
            JsonValueKind.True => ["true"],
            JsonValueKind.False => ["false"],
            JsonValueKind.Number => [element.GetRawText()],
            _ => throw new UsageException($"{source}: use a string, number, boolean or array, not {element.ValueKind.ToString().ToLower(CultureInfo.InvariantCulture)}."),
        };
}
