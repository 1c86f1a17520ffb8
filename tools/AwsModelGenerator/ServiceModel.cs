using System.Text.Json;

namespace Slipway.Tools.AwsModelGenerator;

/// <summary>One <c>service-2.json</c>: its metadata, operations and shapes, read as the generator needs them.</summary>
internal sealed class ServiceModel
{
    private readonly JsonElement shapes;
    private readonly JsonElement operations;

    private ServiceModel(JsonElement root)
    {
        Metadata = root.GetProperty("metadata");
        shapes = root.GetProperty("shapes");
        operations = root.GetProperty("operations");
    }

    public JsonElement Metadata { get; }

    public static ServiceModel Load(string path)
    {
        using var stream = File.OpenRead(path);
        using var document = JsonDocument.Parse(stream);
        return new ServiceModel(document.RootElement.Clone());
    }

    public JsonElement Shape(string name)
        => shapes.TryGetProperty(name, out var shape) ? shape : throw new InvalidOperationException($"The model has no shape {name}.");

    public JsonElement Operation(string name)
        => operations.TryGetProperty(name, out var operation) ? operation : throw new InvalidOperationException($"The model has no operation {name}.");

    public static string Kind(JsonElement shape) => shape.GetProperty("type").GetString()!;

    public static string? Text(JsonElement element, string property)
        => element.TryGetProperty(property, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;

    public static bool Flag(JsonElement element, string property)
        => element.TryGetProperty(property, out var value) && value.ValueKind == JsonValueKind.True;

    public static string ShapeOf(JsonElement reference) => reference.GetProperty("shape").GetString()!;

    public string? InputOf(string operation) => Operation(operation).TryGetProperty("input", out var input) ? ShapeOf(input) : null;

    public string? OutputOf(string operation) => Operation(operation).TryGetProperty("output", out var output) ? ShapeOf(output) : null;

    public IEnumerable<string> ErrorsOf(string operation)
        => Operation(operation).TryGetProperty("errors", out var errors) ? errors.EnumerateArray().Select(ShapeOf) : [];

    public static IEnumerable<(string Name, JsonElement Member)> Members(JsonElement structure)
        => structure.TryGetProperty("members", out var members) ? members.EnumerateObject().Select(m => (m.Name, m.Value)) : [];

    public static IReadOnlySet<string> Required(JsonElement structure)
        => structure.TryGetProperty("required", out var required) ? required.EnumerateArray().Select(r => r.GetString()!).ToHashSet(StringComparer.Ordinal) : new HashSet<string>();

    /// <summary>Every shape the operations' inputs and outputs reach, through members, list members and map values.</summary>
    public SortedSet<string> Reachable(IEnumerable<string> fromOperations)
    {
        var seen = new SortedSet<string>(StringComparer.Ordinal);
        var pending = new Stack<string>(fromOperations.SelectMany(o => new[] { InputOf(o), OutputOf(o) }).OfType<string>());
        while (pending.TryPop(out var name))
        {
            if (!seen.Add(name))
            {
                continue;
            }

            var shape = Shape(name);
            switch (Kind(shape))
            {
                case "structure":
                    foreach (var (_, member) in Members(shape))
                    {
                        pending.Push(ShapeOf(member));
                    }

                    break;
                case "list":
                    pending.Push(ShapeOf(shape.GetProperty("member")));
                    break;
                case "map":
                    pending.Push(ShapeOf(shape.GetProperty("key")));
                    pending.Push(ShapeOf(shape.GetProperty("value")));
                    break;
            }
        }

        return seen;
    }
}
