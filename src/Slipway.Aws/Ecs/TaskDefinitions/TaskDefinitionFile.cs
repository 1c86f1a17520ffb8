using System.Text.Json;
using System.Text.Json.Nodes;
using Slipway.Aws.Ecs.Model;
using Slipway.Aws.Transport;

namespace Slipway.Aws.Ecs.TaskDefinitions;

/// <summary>
/// Reads a task definition a person wrote (or kept from <c>aws ecs describe-task-definition</c>) into the request
/// that registers it, strictly: AWS's own JSON, with or without the <c>taskDefinition</c> wrapper, the wrapper's
/// top-level <c>tags</c> merged in; members that only describe prints (<c>taskDefinitionArn</c>, <c>revision</c>,
/// <c>status</c>, ...) dropped with a note; anything else unknown, of the wrong type, missing or given twice is an
/// error that names its path. Nothing the model knows is lost on the way.
/// </summary>
public static class TaskDefinitionFile
{
    private const string Wrapper = "taskDefinition";
    private const string WrapperTags = "tags";

    /// <summary>Members of TaskDefinition that RegisterTaskDefinition does not take: describe's own, read-only.</summary>
    public static IReadOnlySet<string> ReadOnlyMembers { get; } = MembersOf(typeof(TaskDefinition)).Except(MembersOf(typeof(RegisterTaskDefinitionRequest))).ToHashSet(StringComparer.Ordinal);

    /// <exception cref="TaskDefinitionFileException">The file is missing, empty, not JSON, or not a task definition.</exception>
    public static TaskDefinitionFileContents Load(string path)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        string text;
        try
        {
            text = File.ReadAllText(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new TaskDefinitionFileException(path, [$"cannot be read: {e.Message}"], e);
        }

        return Parse(text, path);
    }

    /// <summary>Reads the text of a task-definition file; <paramref name="path"/> names it in errors and notes.</summary>
    /// <exception cref="TaskDefinitionFileException">The text is empty, not JSON, or not a task definition.</exception>
    public static TaskDefinitionFileContents Parse(string json, string path)
    {
        ArgumentNullException.ThrowIfNull(json);
        if (string.IsNullOrWhiteSpace(json))
        {
            throw new TaskDefinitionFileException(path, ["the file is empty; it should hold one task definition in AWS's JSON, as 'aws ecs describe-task-definition' prints it"]);
        }

        using var document = ParseJson(json, path);
        var root = document.RootElement;
        if (root.ValueKind != JsonValueKind.Object)
        {
            throw new TaskDefinitionFileException(path, [$"(the whole file): expected one task definition (a JSON object), found {(root.ValueKind == JsonValueKind.Array ? "a list" : root.ValueKind.ToString().ToLowerInvariant())}"]);
        }

        var reader = new StrictShapeReader();
        var (definition, prefix) = Unwrap(root, reader);
        if (definition is { } body)
        {
            reader.Check(body, typeof(RegisterTaskDefinitionRequest), prefix, ReadOnlyMembers);
        }

        if (reader.Problems.Count > 0)
        {
            throw new TaskDefinitionFileException(path, reader.Problems);
        }

        var notes = new List<string>();
        var dropped = definition!.Value.EnumerateObject().Select(m => m.Name).Where(ReadOnlyMembers.Contains).ToList();
        if (dropped.Count > 0)
        {
            notes.Add($"{path}: left out {string.Join(", ", dropped)}: describe-task-definition prints them, RegisterTaskDefinition does not take them.");
        }

        var request = JsonSerializer.Deserialize<RegisterTaskDefinitionRequest>(definition.Value, AwsJson.Options)!;
        request.Tags = MergeTags(path, request.Tags, prefix.Length == 0 ? null : root);
        return new TaskDefinitionFileContents(request, notes);
    }

    /// <summary>
    /// The request that registers <paramref name="definition"/> again (a rollback, or a promotion with another image):
    /// every member RegisterTaskDefinition takes, none of describe's own, nothing lost.
    /// </summary>
    public static RegisterTaskDefinitionRequest ToRegisterRequest(TaskDefinition definition, IEnumerable<Tag>? tags = null)
    {
        ArgumentNullException.ThrowIfNull(definition);
        var json = JsonSerializer.SerializeToNode(definition, AwsJson.Options)!.AsObject();
        foreach (var member in ReadOnlyMembers)
        {
            json.Remove(member);
        }

        var request = json.Deserialize<RegisterTaskDefinitionRequest>(AwsJson.Options)!;
        var list = tags?.ToList();
        request.Tags = list is { Count: > 0 } ? list : null;
        return request;
    }

    private static JsonDocument ParseJson(string json, string path)
    {
        try
        {
            return JsonDocument.Parse(json, new JsonDocumentOptions { AllowTrailingCommas = false, CommentHandling = JsonCommentHandling.Disallow });
        }
        catch (JsonException e)
        {
            var where = e.LineNumber is { } line ? $"line {line + 1}, column {(e.BytePositionInLine ?? 0) + 1}" : "somewhere";
            var message = e.Message.Contains("trailing comma", StringComparison.Ordinal)
                ? "a comma before a closing bracket or brace (JSON allows none)"
                : e.Message.Split(" LineNumber:", 2)[0].Split(" Path:", 2)[0].TrimEnd('.', ' ');
            throw new TaskDefinitionFileException(path, [$"{where}: not JSON: {message}"], e);
        }
    }

    /// <summary>
    /// The task definition itself and its path prefix: the whole file, or the wrapper's <c>taskDefinition</c> (what
    /// describe-task-definition prints, with <c>tags</c> beside it).
    /// </summary>
    private static (JsonElement? Definition, string Prefix) Unwrap(JsonElement root, StrictShapeReader reader)
    {
        if (root.TryGetProperty("taskDefinitions", out var many))
        {
            var found = many.ValueKind == JsonValueKind.Array ? $"found {many.GetArrayLength()}" : "found a taskDefinitions member";
            reader.Report("taskDefinitions", $"a file holds one task definition ({found}); keep one, as the whole file or under {Wrapper}");
            return (null, "");
        }

        if (!root.TryGetProperty(Wrapper, out _))
        {
            return (root, "");
        }

        JsonElement? definition = null;
        var seen = 0;
        foreach (var member in root.EnumerateObject())
        {
            switch (member.Name)
            {
                case Wrapper when ++seen > 1:
                    reader.Report(Wrapper, "given twice; a file holds one task definition, keep one");
                    break;
                case Wrapper when member.Value.ValueKind != JsonValueKind.Object:
                    reader.Check(member.Value, typeof(RegisterTaskDefinitionRequest), Wrapper);
                    break;
                case Wrapper:
                    definition = member.Value;
                    break;
                case WrapperTags:
                    reader.Check(member.Value, typeof(IList<Tag>), WrapperTags);
                    break;
                default:
                    reader.Report(member.Name, $"unknown member beside {Wrapper}; the wrapper holds only {Wrapper} and {WrapperTags}");
                    break;
            }
        }

        return (definition, Wrapper);
    }

    private static List<Tag>? MergeTags(string path, IList<Tag>? inner, JsonElement? wrapper)
    {
        var merged = new List<Tag>(inner ?? []);
        if (wrapper is { } root && root.TryGetProperty(WrapperTags, out var outer))
        {
            foreach (var tag in outer.Deserialize<List<Tag>>(AwsJson.Options) ?? [])
            {
                var same = merged.FirstOrDefault(t => t.Key == tag.Key);
                if (same is null)
                {
                    merged.Add(tag);
                }
                else if (same.Value != tag.Value)
                {
                    throw new TaskDefinitionFileException(path, [$"{WrapperTags}: the tag '{tag.Key}' is '{tag.Value}' here and '{same.Value}' in {Wrapper}.tags; keep one"]);
                }
            }
        }

        return merged.Count > 0 ? merged : null;
    }

    private static IEnumerable<string> MembersOf(Type type) => AwsJson.Options.GetTypeInfo(type).Properties.Select(p => p.Name);
}
