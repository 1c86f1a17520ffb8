using System.Reflection;
using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;
using Slipway.Aws.Ecs.Model;
using Slipway.Aws.Transport;

namespace Slipway.Aws.Deployment.TaskDefinitions;

/// <summary>
/// Reads a task definition in AWS's own JSON: what <c>aws ecs describe-task-definition</c> prints (with or without
/// its <c>taskDefinition</c> wrapper), members as the model spells them. Unknown members are errors with file, line
/// and column; members only AWS sets (ARN, revision, status, ...) are accepted and dropped, so a described revision
/// can be pasted in as it is.
/// </summary>
public static class TaskDefinitionFile
{
    private static readonly JsonSerializerOptions Strict = CreateOptions();

    public static RegisterTaskDefinitionRequest Read(string json, string file)
    {
        ArgumentNullException.ThrowIfNull(json);
        try
        {
            using var document = JsonDocument.Parse(json, new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Skip });
            if (document.RootElement.ValueKind != JsonValueKind.Object)
            {
                throw new DeployConfigurationException($"{file}: a task definition is a JSON object.");
            }

            var wrapped = document.RootElement.TryGetProperty("taskDefinition", out _);
            if (wrapped)
            {
                var outer = JsonSerializer.Deserialize<DescribedTaskDefinition>(json, Strict)!;
                return ToRequest(outer.TaskDefinition ?? new TaskDefinition(), outer.Tags);
            }

            return ToRequest(JsonSerializer.Deserialize<TaskDefinition>(json, Strict)!, tags: null);
        }
        catch (JsonException e)
        {
            throw new DeployConfigurationException(Describe(e, file), e);
        }
    }

    /// <summary>The request that would register <paramref name="definition"/> again: every member both shapes have.</summary>
    public static RegisterTaskDefinitionRequest ToRequest(TaskDefinition definition, IList<Tag>? tags)
    {
        ArgumentNullException.ThrowIfNull(definition);
        var request = new RegisterTaskDefinitionRequest();
        foreach (var target in typeof(RegisterTaskDefinitionRequest).GetProperties(BindingFlags.Public | BindingFlags.Instance).Where(p => p.CanWrite))
        {
            if (typeof(TaskDefinition).GetProperty(target.Name) is { } source && source.PropertyType == target.PropertyType)
            {
                target.SetValue(request, source.GetValue(definition));
            }
        }

        request.Tags = tags is { Count: > 0 } ? tags : null;
        return request;
    }

    private static string Describe(JsonException e, string file)
    {
        var where = e.LineNumber is { } line ? $"{file}:{line + 1}:{(e.BytePositionInLine ?? 0) + 1}" : file;
        var message = e.Message.Split(" Path:", 2)[0].Split(" LineNumber:", 2)[0];
        var unknown = System.Text.RegularExpressions.Regex.Match(message, "The JSON property '(?<name>[^']*)' could not be mapped to any .NET member contained in type '(?<type>[^']*)'");
        if (unknown.Success)
        {
            var type = unknown.Groups["type"].Value.Split('.')[^1];
            return $"{where}: unknown member '{unknown.Groups["name"].Value}' in {type} (at {e.Path}). Members are spelt as in the ECS API reference (RegisterTaskDefinition).";
        }

        return $"{where}: {(e.Path is { Length: > 1 } path ? $"at {path}: " : "")}{message}";
    }

    private static JsonSerializerOptions CreateOptions()
    {
        var options = new JsonSerializerOptions(AwsJson.Options)
        {
            UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow,
            ReadCommentHandling = JsonCommentHandling.Skip,
            // A placeholder in a number member renders as a quoted number.
            NumberHandling = JsonNumberHandling.AllowReadingFromString,
            TypeInfoResolver = new DefaultJsonTypeInfoResolver(),
        };
        options.MakeReadOnly();
        return options;
    }

    private sealed class DescribedTaskDefinition
    {
        public TaskDefinition? TaskDefinition { get; set; }

        public IList<Tag>? Tags { get; set; }
    }
}
