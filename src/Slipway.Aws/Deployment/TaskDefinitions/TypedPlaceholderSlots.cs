using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using Slipway.Aws.Ecs.Model;
using Slipway.Aws.Transport;

namespace Slipway.Aws.Deployment.TaskDefinitions;

/// <summary>The kind of JSON value a member of the model takes, when it is not a string.</summary>
internal enum SlotKind
{
    Integer,
    Long,
    Number,
    Boolean,
}

/// <summary>A JSON string that is one whole placeholder standing where the model wants a number or a boolean.</summary>
/// <param name="Path">The member's path, as the strict reader names it (<c>containerDefinitions[0].memory</c>).</param>
/// <param name="Kind">What the member takes.</param>
internal sealed record TypedSlot(string Path, SlotKind Kind);

/// <summary>
/// Finds, in a template as written, the strings such as <c>"memory": "{{var:memory}}"</c> whose member the generated
/// model types as a number or a boolean, so that rendering can write the value there as a JSON number or boolean
/// instead of a string. Keyed by the character index of the placeholder's <c>{{</c> in the text. A template that is
/// not JSON has no slots: the strict reader reports it.
/// </summary>
internal static partial class TypedPlaceholderSlots
{
    private const string Wrapper = "taskDefinition";

    public static IReadOnlyDictionary<int, TypedSlot> Find(string templateText)
    {
        var slots = new Dictionary<int, TypedSlot>();
        var bytes = Encoding.UTF8.GetBytes(templateText);
        try
        {
            Walk(bytes, RootType(bytes), slots);
        }
        // Stryker disable once Block : RootType parses the whole text before Walk reads a token, so slots is still empty whenever this is thrown.
        catch (JsonException)
        {
            return new Dictionary<int, TypedSlot>();
        }

        return slots;
    }

    private static void Walk(byte[] bytes, Type rootType, Dictionary<int, TypedSlot> slots)
    {
        var reader = new Utf8JsonReader(bytes, new JsonReaderOptions { CommentHandling = JsonCommentHandling.Disallow });
        var frames = new Stack<Frame>();
        string? member = null;
        while (reader.Read())
        {
            switch (reader.TokenType)
            {
                case JsonTokenType.PropertyName:
                    member = reader.GetString();
                    continue;
                case JsonTokenType.EndObject:
                case JsonTokenType.EndArray:
                    frames.Pop();
                    continue;
            }

            // A value: where it stands, and what the model wants there.
            var (type, path) = frames.Count == 0 ? (rootType, "") : frames.Peek().Next(member);
            member = null;
            if (reader.TokenType is JsonTokenType.StartObject or JsonTokenType.StartArray)
            {
                frames.Push(new Frame(type, path, reader.TokenType == JsonTokenType.StartArray));
            }
            else if (reader.TokenType == JsonTokenType.String && KindOf(type) is { } kind && !reader.ValueIsEscaped && WholePlaceholder().IsMatch(reader.GetString()!))
            {
                // The token starts at its opening quote; the placeholder's braces follow it.
                var index = Encoding.UTF8.GetCharCount(bytes, 0, (int)reader.TokenStartIndex) + 1;
                slots[index] = new TypedSlot(path, kind);
            }
        }
    }

    /// <summary>The file is the task definition, or wraps it in <c>taskDefinition</c> as describe prints it (its members typed alike).</summary>
    private static Type RootType(byte[] bytes)
    {
        using var document = JsonDocument.Parse(bytes);
        return document.RootElement.ValueKind == JsonValueKind.Object && document.RootElement.TryGetProperty(Wrapper, out _)
            ? typeof(DescribeTaskDefinitionResponse)
            : typeof(RegisterTaskDefinitionRequest);
    }

    private static SlotKind? KindOf(Type? type) => (type is null ? null : Nullable.GetUnderlyingType(type) ?? type) switch
    {
        var t when t == typeof(int) => SlotKind.Integer,
        var t when t == typeof(long) => SlotKind.Long,
        var t when t == typeof(double) => SlotKind.Number,
        var t when t == typeof(bool) => SlotKind.Boolean,
        _ => null,
    };

    /// <summary>An object or list being read: its model type, its path, and how far into it the reader is.</summary>
    private sealed class Frame(Type? type, string path, bool isList)
    {
        private int index;

        public (Type? Type, string Path) Next(string? member)
        {
            if (isList)
            {
                return (ItemType(type), $"{path}[{index++}]");
            }

            var childPath = path.Length == 0 ? member! : $"{path}.{member}";
            return (MemberType(type, member!), childPath);
        }

        private static Type? ItemType(Type? type) => Generic(type, typeof(IList<>));

        private static Type? MemberType(Type? type, string member)
        {
            if (type is null)
            {
                return null;
            }

            if (Generic(type, typeof(IDictionary<,>)) is { } value)
            {
                return value;
            }

            return AwsJson.Options.GetTypeInfo(type).Properties.FirstOrDefault(p => p.Name == member)?.PropertyType;
        }

        private static Type? Generic(Type? type, Type definition) =>
            type is { IsGenericType: true } && type.GetGenericTypeDefinition() == definition ? type.GetGenericArguments()[^1] : null;
    }

    [GeneratedRegex(@"^\{\{[^{}]*\}\}$")]
    private static partial Regex WholePlaceholder();
}
