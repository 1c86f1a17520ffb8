using System.Collections;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization.Metadata;
using Slipway.Aws.Transport;

namespace Slipway.Aws.Tests.Support;

/// <summary>
/// An official service model (<c>*.service-2.json</c>) and the checks of our C# shapes against it: member names
/// (as serialized), kinds, enum values and required members.
/// </summary>
internal sealed class ServiceModel
{
    private readonly JsonElement shapes;

    private ServiceModel(JsonElement root)
    {
        Root = root;
        shapes = root.GetProperty("shapes");
    }

    public JsonElement Root { get; }

    public static ServiceModel Ecr { get; } = Load("ecr-2015-09-21.service-2.json");

    public static ServiceModel Ecs { get; } = Load("ecs-2014-11-13.service-2.json");

    public JsonElement Shape(string name) => shapes.GetProperty(name);

    public (string Input, string Output)? Operation(string name)
        => Root.GetProperty("operations").TryGetProperty(name, out var operation)
            ? (operation.GetProperty("input").GetProperty("shape").GetString()!, operation.GetProperty("output").GetProperty("shape").GetString()!)
            : null;

    public IEnumerable<string> ErrorsOf(string operation)
        => Root.GetProperty("operations").GetProperty(operation).TryGetProperty("errors", out var errors)
            ? errors.EnumerateArray().Select(e => e.GetProperty("shape").GetString()!)
            : [];

    /// <summary>The structures (not errors, not documents) the operations' inputs and outputs reach.</summary>
    public IEnumerable<string> ReachableStructures(IEnumerable<string> operations)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var pending = new Stack<string>(operations.SelectMany(o => Operation(o) is { } io ? new[] { io.Input, io.Output } : []));
        while (pending.TryPop(out var name))
        {
            if (!seen.Add(name))
            {
                continue;
            }

            var shape = Shape(name);
            if (shape.TryGetProperty("members", out var members))
            {
                foreach (var member in members.EnumerateObject())
                {
                    pending.Push(member.Value.GetProperty("shape").GetString()!);
                }
            }

            foreach (var part in new[] { "member", "key", "value" })
            {
                if (shape.TryGetProperty(part, out var reference))
                {
                    pending.Push(reference.GetProperty("shape").GetString()!);
                }
            }
        }

        return seen.Where(n => Shape(n).GetProperty("type").GetString() == "structure" && !IsDocument(Shape(n)));
    }

    /// <summary>Every C# member must exist in the shape with the same kind; required members must exist in C#.</summary>
    public List<string> CheckType(Type type, string shapeName, bool requireRequired)
    {
        var problems = new List<string>();
        CheckType(type, shapeName, requireRequired, shapeName, problems, []);
        return problems;
    }

    /// <summary>The JSON must only use the shape's members, with the right kinds and enum values, and have its required members.</summary>
    public List<string> CheckJson(JsonNode? json, string shapeName)
    {
        var problems = new List<string>();
        CheckJson(json, shapeName, shapeName, problems);
        return problems;
    }

    /// <summary>An instance with every member set (to a valid enum value where the model has one), recursively.</summary>
    public object Populate(Type type, string shapeName, int depth = 0)
    {
        var shape = Shape(shapeName);
        var kind = shape.GetProperty("type").GetString();
        var underlying = Nullable.GetUnderlyingType(type) ?? type;
        switch (kind)
        {
            case "structure" when IsDocument(shape):
                return JsonNode.Parse("""{"any":["json",1,true]}""")!;
            case "structure":
                var instance = Activator.CreateInstance(underlying)!;
                var members = shape.GetProperty("members");
                foreach (var property in AwsJson.Options.GetTypeInfo(underlying).Properties)
                {
                    if (members.TryGetProperty(property.Name, out var member) && depth < 24)
                    {
                        property.Set!(instance, Populate(property.PropertyType, member.GetProperty("shape").GetString()!, depth + 1));
                    }
                }

                return instance;
            case "list":
                var elementType = underlying.GetGenericArguments()[0];
                var list = (IList)Activator.CreateInstance(typeof(List<>).MakeGenericType(elementType))!;
                list.Add(Populate(elementType, shape.GetProperty("member").GetProperty("shape").GetString()!, depth + 1));
                return list;
            case "map":
                var valueType = underlying.GetGenericArguments()[1];
                var map = (IDictionary)Activator.CreateInstance(typeof(Dictionary<,>).MakeGenericType(typeof(string), valueType))!;
                map["key-1"] = Populate(valueType, shape.GetProperty("value").GetProperty("shape").GetString()!, depth + 1);
                return map;
            case "string":
                return shape.TryGetProperty("enum", out var values) ? values[values.GetArrayLength() - 1].GetString()! : $"{shapeName}-value";
            case "integer":
                return 7;
            case "long":
                return 7_000_000_000L;
            case "boolean":
                return true;
            case "double" or "float":
                return 1.5;
            case "timestamp":
                return new DateTime(2024, 1, 2, 3, 4, 5, 678, DateTimeKind.Utc);
            default:
                throw new NotSupportedException($"{shapeName}: {kind}");
        }
    }

    private static ServiceModel Load(string file)
    {
        using var stream = File.OpenRead(Path.Combine(AppContext.BaseDirectory, "aws-models", file));
        using var document = JsonDocument.Parse(stream);
        return new ServiceModel(document.RootElement.Clone());
    }

    /// <summary>A structure marked <c>document</c> holds free-form JSON.</summary>
    private static bool IsDocument(JsonElement shape) => shape.TryGetProperty("document", out var document) && document.GetBoolean();

    private static string? ExpectedKind(Type type)
    {
        var t = Nullable.GetUnderlyingType(type) ?? type;
        if (t == typeof(string))
        {
            return "string";
        }

        if (t == typeof(int))
        {
            return "integer";
        }

        if (t == typeof(long))
        {
            return "long";
        }

        if (t == typeof(bool))
        {
            return "boolean";
        }

        if (t == typeof(double))
        {
            return "double";
        }

        if (t == typeof(DateTime))
        {
            return "timestamp";
        }

        if (t == typeof(byte[]))
        {
            return "blob";
        }

        if (t.IsGenericType && t.GetGenericTypeDefinition() == typeof(IDictionary<,>))
        {
            return "map";
        }

        if (t.IsGenericType && t.GetGenericTypeDefinition() == typeof(IList<>))
        {
            return "list";
        }

        return t.IsClass ? "structure" : null;
    }

    private void CheckType(Type type, string shapeName, bool requireRequired, string path, List<string> problems, HashSet<(Type, string)> seen)
    {
        if (!seen.Add((type, shapeName)))
        {
            return;
        }

        var shape = Shape(shapeName);
        var kind = shape.GetProperty("type").GetString();
        var expected = ExpectedKind(type);
        if (expected != kind && !(expected == "double" && kind == "float"))
        {
            problems.Add($"{path}: the model says {kind} ({shapeName}), the C# type {type.Name} is a {expected}");
            return;
        }

        var underlying = Nullable.GetUnderlyingType(type) ?? type;
        switch (kind)
        {
            case "structure" when IsDocument(shape):
                if (underlying != typeof(JsonNode))
                {
                    problems.Add($"{path}: the model says document ({shapeName}), the C# type {type.Name} is not a JsonNode");
                }

                break;
            case "structure":
                var members = shape.GetProperty("members");
                var properties = AwsJson.Options.GetTypeInfo(underlying).Properties;
                foreach (var property in properties)
                {
                    if (!members.TryGetProperty(property.Name, out var member))
                    {
                        problems.Add($"{path}.{property.Name}: no such member in {shapeName} (members: {string.Join(", ", members.EnumerateObject().Select(m => m.Name))})");
                        continue;
                    }

                    CheckType(property.PropertyType, member.GetProperty("shape").GetString()!, requireRequired, $"{path}.{property.Name}", problems, seen);
                }

                if (requireRequired && shape.TryGetProperty("required", out var required))
                {
                    foreach (var name in required.EnumerateArray().Select(r => r.GetString()!).Where(r => properties.All(p => p.Name != r)))
                    {
                        problems.Add($"{path}: required member {name} has no C# property");
                    }
                }

                break;
            case "list":
                CheckType(underlying.GetGenericArguments()[0], shape.GetProperty("member").GetProperty("shape").GetString()!, requireRequired, path + "[]", problems, seen);
                break;
            case "map":
                CheckType(underlying.GetGenericArguments()[1], shape.GetProperty("value").GetProperty("shape").GetString()!, requireRequired, path + "{}", problems, seen);
                break;
        }
    }

    private void CheckJson(JsonNode? json, string shapeName, string path, List<string> problems)
    {
        var shape = Shape(shapeName);
        var kind = shape.GetProperty("type").GetString();
        var valueKind = json?.GetValueKind() ?? JsonValueKind.Null;
        switch (kind)
        {
            case "structure" when IsDocument(shape):
                break; // a document is any JSON
            case "structure" when json is JsonObject obj:
                var members = shape.GetProperty("members");
                foreach (var (name, value) in obj)
                {
                    if (members.TryGetProperty(name, out var member))
                    {
                        CheckJson(value, member.GetProperty("shape").GetString()!, $"{path}.{name}", problems);
                    }
                    else
                    {
                        problems.Add($"{path}.{name}: no such member in {shapeName}");
                    }
                }

                if (shape.TryGetProperty("required", out var required))
                {
                    problems.AddRange(required.EnumerateArray().Select(r => r.GetString()!).Where(r => !obj.ContainsKey(r)).Select(r => $"{path}: required member {r} is missing"));
                }

                break;
            case "list" when json is JsonArray array:
                foreach (var item in array)
                {
                    CheckJson(item, shape.GetProperty("member").GetProperty("shape").GetString()!, path + "[]", problems);
                }

                break;
            case "map" when json is JsonObject map:
                foreach (var (_, value) in map)
                {
                    CheckJson(value, shape.GetProperty("value").GetProperty("shape").GetString()!, path + "{}", problems);
                }

                break;
            case "string" when valueKind == JsonValueKind.String:
                if (shape.TryGetProperty("enum", out var values) && values.EnumerateArray().All(v => v.GetString() != json!.GetValue<string>()))
                {
                    problems.Add($"{path}: '{json}' is not one of {shapeName}'s values");
                }

                break;
            case "integer" or "long" when valueKind == JsonValueKind.Number && long.TryParse(json!.ToJsonString(), out _):
            case "boolean" when valueKind is JsonValueKind.True or JsonValueKind.False:
            case "timestamp" or "double" or "float" when valueKind == JsonValueKind.Number:
            case "blob" when valueKind == JsonValueKind.String:
                break;
            default:
                problems.Add($"{path}: the model says {kind} ({shapeName}), the JSON has {valueKind}");
                break;
        }
    }
}
