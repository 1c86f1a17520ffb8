using System.Text.Json;

namespace Slipway.Workflows;

/// <summary>
/// A value written <c>@path/file.json#field</c>: read from the repository's JSON file when the workflow is
/// generated. When the file or field is missing the value becomes a placeholder that names both, so the
/// generated workflow says what to fill in instead of failing somewhere in the cloud. Alternative field names
/// are separated by <c>|</c> (<c>#awsRoleArn|roleArn</c>); the first present wins.
/// </summary>
internal static class JsonFieldReference
{
    public const string PlaceholderPrefix = "SET-";

    public static bool IsReference(string value) => value.StartsWith('@') && value.Contains('#', StringComparison.Ordinal);

    /// <summary>Resolves a reference; <paramref name="warning"/> says what is missing when a placeholder is returned.</summary>
    public static string Resolve(string reference, AbsolutePath root, out string? warning)
    {
        var hash = reference.LastIndexOf('#');
        var relativePath = reference[1..hash];
        var fields = reference[(hash + 1)..].Split('|', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
        var field = fields.Length > 0 ? fields[0] : throw new UsageException($"'{reference}' names no field after '#'.");
        var placeholder = $"{PlaceholderPrefix}{field}-IN-{relativePath}";
        var file = AbsolutePath.Resolve(relativePath, root);
        if (!file.FileExists)
        {
            warning = $"{relativePath} does not exist, so the workflow holds the placeholder '{placeholder}'. Create the file with \"{field}\", then run ./build.sh --generate-workflows.";
            return placeholder;
        }

        try
        {
            using var document = JsonDocument.Parse(file.ReadAllText(), new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true });
            foreach (var name in fields)
            {
                if (document.RootElement.ValueKind == JsonValueKind.Object
                    && document.RootElement.TryGetProperty(name, out var value)
                    && value.ValueKind == JsonValueKind.String
                    && !string.IsNullOrWhiteSpace(value.GetString()))
                {
                    warning = null;
                    return value.GetString()!;
                }
            }
        }
        catch (JsonException exception)
        {
            throw new UsageException($"{relativePath} is not valid JSON (line {exception.LineNumber + 1}): {exception.Message} Fix the file, then run ./build.sh --generate-workflows.", exception);
        }

        warning = $"{relativePath} has no \"{field}\", so the workflow holds the placeholder '{placeholder}'. Add \"{field}\" to the file, then run ./build.sh --generate-workflows.";
        return placeholder;
    }
}
