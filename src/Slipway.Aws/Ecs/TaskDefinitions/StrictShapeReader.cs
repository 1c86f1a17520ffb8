using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization.Metadata;
using Slipway.Aws.Transport;

namespace Slipway.Aws.Ecs.TaskDefinitions;

/// <summary>
/// Checks JSON written by a person against a model type, as strictly as the AWS CLI checks <c>--cli-input-json</c>:
/// every member known (else: did you mean?), every value of the model's type, no member twice, no required member
/// missing. Each problem names its path (<c>containerDefinitions[1].mountPoints[0].readOnly</c>). Responses are not
/// read this way: AWS adds response members all the time.
/// </summary>
internal sealed class StrictShapeReader
{
    private readonly List<string> problems = [];

    public IReadOnlyList<string> Problems => problems;

    /// <summary>Checks <paramref name="element"/> as a <paramref name="type"/> found at <paramref name="path"/> ("" for the root).</summary>
    public void Check(JsonElement element, Type type, string path, IReadOnlySet<string>? ignoredMembers = null)
    {
        var underlying = Nullable.GetUnderlyingType(type) ?? type;
        if (element.ValueKind == JsonValueKind.Null)
        {
            Report(path, $"expected {Describe(underlying)}, found null; leave the member out instead");
            return;
        }

        if (underlying == typeof(string))
        {
            Expect(element, path, element.ValueKind == JsonValueKind.String, underlying);
        }
        else if (underlying == typeof(int) || underlying == typeof(long))
        {
            var fits = element.ValueKind == JsonValueKind.Number && (underlying == typeof(int) ? element.TryGetInt32(out _) : element.TryGetInt64(out _));
            Expect(element, path, fits, underlying);
        }
        else if (underlying == typeof(bool))
        {
            Expect(element, path, element.ValueKind is JsonValueKind.True or JsonValueKind.False, underlying);
        }
        else if (underlying == typeof(double))
        {
            Expect(element, path, element.ValueKind == JsonValueKind.Number, underlying);
        }
        else if (underlying == typeof(DateTime))
        {
            Expect(element, path, element.ValueKind is JsonValueKind.Number or JsonValueKind.String, underlying);
        }
        else if (underlying == typeof(JsonNode))
        {
            // A document: any JSON.
        }
        else if (ElementType(underlying, typeof(IList<>)) is { } item)
        {
            if (Expect(element, path, element.ValueKind == JsonValueKind.Array, underlying))
            {
                var index = 0;
                foreach (var value in element.EnumerateArray())
                {
                    Check(value, item, $"{path}[{index++}]");
                }
            }
        }
        else if (ElementType(underlying, typeof(IDictionary<,>)) is { } valueType)
        {
            if (Expect(element, path, element.ValueKind == JsonValueKind.Object, underlying))
            {
                foreach (var entry in Distinct(element, path))
                {
                    Check(entry.Value, valueType, Join(path, entry.Name));
                }
            }
        }
        else if (Expect(element, path, element.ValueKind == JsonValueKind.Object, underlying))
        {
            CheckStructure(element, underlying, path, ignoredMembers ?? new HashSet<string>());
        }
    }

    private void CheckStructure(JsonElement element, Type type, string path, IReadOnlySet<string> ignoredMembers)
    {
        var properties = AwsJson.Options.GetTypeInfo(type).Properties.ToDictionary(p => p.Name, StringComparer.Ordinal);
        var given = new HashSet<string>(StringComparer.Ordinal);
        var misspelt = new HashSet<string>(StringComparer.Ordinal);
        foreach (var member in Distinct(element, path))
        {
            given.Add(member.Name);
            if (properties.TryGetValue(member.Name, out var property))
            {
                Check(member.Value, property.PropertyType, Join(path, member.Name));
            }
            else if (!ignoredMembers.Contains(member.Name))
            {
                var suggestion = MemberSuggestion.For(member.Name, properties.Keys);
                if (suggestion is not null)
                {
                    misspelt.Add(suggestion);
                }

                Report(Join(path, member.Name), suggestion switch
                {
                    null => $"unknown member of {type.Name}; its members are {string.Join(", ", properties.Keys.Order(StringComparer.Ordinal))}",
                    _ when string.Equals(suggestion, member.Name, StringComparison.OrdinalIgnoreCase) =>
                        $"unknown member; did you mean {suggestion}? (AWS's JSON names members in camelCase; CloudFormation's PascalCase is not this format)",
                    _ => $"unknown member; did you mean {suggestion}?",
                });
            }
        }

        foreach (var required in properties.Values.Where(IsRequired).Select(p => p.Name).Where(r => !given.Contains(r) && !misspelt.Contains(r)))
        {
            Report(Join(path, required), $"required member of {type.Name} is missing");
        }
    }

    /// <summary>The members of an object; one given twice is reported (JSON readers disagree on which one wins).</summary>
    private IEnumerable<JsonProperty> Distinct(JsonElement element, string path)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var member in element.EnumerateObject())
        {
            if (seen.Add(member.Name))
            {
                yield return member;
            }
            else
            {
                Report(Join(path, member.Name), "given twice; keep one");
            }
        }
    }

    private bool Expect(JsonElement element, string path, bool ok, Type expected)
    {
        if (!ok)
        {
            var hint = expected == typeof(string) && element.ValueKind is JsonValueKind.Number or JsonValueKind.True or JsonValueKind.False
                ? $"; write it in quotes: \"{element.GetRawText()}\""
                : "";
            Report(path, $"expected {Describe(expected)}, found {Found(element)}{hint}");
        }

        return ok;
    }

    public void Report(string path, string problem) => problems.Add($"{(path.Length == 0 ? "(the whole file)" : path)}: {problem}");

    private static bool IsRequired(JsonPropertyInfo property) => property.AttributeProvider?.IsDefined(typeof(AwsRequiredAttribute), inherit: false) == true;

    private static Type? ElementType(Type type, Type generic)
    {
        if (!type.IsGenericType || type.GetGenericTypeDefinition() != generic)
        {
            return null;
        }

        var arguments = type.GetGenericArguments();
        return arguments[^1];
    }

    private static string Join(string path, string member) => path.Length == 0 ? member : $"{path}.{member}";

    private static string Describe(Type type) => type switch
    {
        _ when type == typeof(string) => "a string",
        _ when type == typeof(int) => "an integer (32-bit)",
        _ when type == typeof(long) => "an integer",
        _ when type == typeof(bool) => "true or false",
        _ when type == typeof(double) => "a number",
        _ when type == typeof(DateTime) => "a timestamp",
        _ when ElementType(type, typeof(IList<>)) is { } item => $"a list of {Plural(item)}",
        _ when ElementType(type, typeof(IDictionary<,>)) is { } value => $"an object of {Plural(value)}",
        _ => $"an object ({type.Name})",
    };

    private static string Plural(Type type) => Describe(Nullable.GetUnderlyingType(type) ?? type) switch
    {
        "a string" => "strings",
        "true or false" => "booleans",
        var d when d.StartsWith("an object (", StringComparison.Ordinal) => type.Name + " objects",
        var d => FirstWordPlural(d.StartsWith("an ", StringComparison.Ordinal) ? d[3..] : d[2..]),
    };

    /// <summary>"integer (32-bit)" becomes "integers (32-bit)", "list of strings" "lists of strings".</summary>
    private static string FirstWordPlural(string words)
    {
        var end = words.IndexOf(' ', StringComparison.Ordinal);
        return end < 0 ? words + "s" : words[..end] + "s" + words[end..];
    }

    private static string Found(JsonElement element) => element.ValueKind switch
    {
        JsonValueKind.String => $"the string {Shorten(element.GetRawText())}",
        JsonValueKind.Number => $"the number {Shorten(element.GetRawText())}",
        JsonValueKind.True or JsonValueKind.False => element.GetRawText(),
        JsonValueKind.Array => "a list",
        JsonValueKind.Object => "an object",
        _ => element.ValueKind.ToString().ToLower(CultureInfo.InvariantCulture),
    };

    private static string Shorten(string text) => text.Length <= 40 ? text : text[..37] + "...";
}
