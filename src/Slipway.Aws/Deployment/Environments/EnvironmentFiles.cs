using System.Collections;
using System.Reflection;
using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;
using System.Text.RegularExpressions;

namespace Slipway.Aws.Deployment.Environments;

/// <summary>
/// The environment files of a repository (<c>deploy/environments/*.json</c>): their names, and each one read strictly.
/// A malformed file, an unknown or missing field or a wrong type is a <see cref="DeployConfigurationException"/> that
/// names the file, the field and, where the JSON says, the line and column.
/// </summary>
public sealed partial class EnvironmentFiles(string directory)
{
    private static readonly JsonSerializerOptions Strict = CreateOptions();

    public string Directory { get; } = directory;

    /// <summary>The environments present, sorted: what <c>--environment</c> accepts.</summary>
    public IReadOnlyList<string> Names() => System.IO.Directory.Exists(Directory)
        ? [.. System.IO.Directory.EnumerateFiles(Directory, "*.json").Select(f => Path.GetFileNameWithoutExtension(f)!).Order(StringComparer.Ordinal)]
        : [];

    public DeployEnvironment Load(string name)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        var names = Names();
        if (!names.Contains(name, StringComparer.Ordinal))
        {
            throw new DeployConfigurationException(
                $"Unknown environment '{name}': there is no {Path.Combine(Directory, name + ".json")}." + NameSuggestion.Hint(name, names)
                + (names.Count > 0 ? $" Use one of: {string.Join(", ", names)}." : " Add an environment file there first."));
        }

        var file = Path.Combine(Directory, name + ".json");
        var environment = Parse(File.ReadAllText(file), name, file);
        if (environment.PromoteFrom is { } source && !names.Contains(source, StringComparer.Ordinal))
        {
            throw new DeployConfigurationException($"{file}: 'promoteFrom' names '{source}', which is not an environment here. Use one of: {string.Join(", ", names)}.");
        }

        return environment;
    }

    /// <summary>Reads one environment file's text; <paramref name="file"/> is only used in messages.</summary>
    public static DeployEnvironment Parse(string json, string name, string file)
    {
        DeployEnvironment? parsed;
        try
        {
            parsed = JsonSerializer.Deserialize<DeployEnvironment>(json, Strict);
        }
        catch (JsonException e)
        {
            throw new DeployConfigurationException(Describe(e, file), e);
        }

        if (parsed is null)
        {
            throw new DeployConfigurationException($"{file}: the file holds 'null'; it must be a JSON object (see deploy/environment.schema.json).");
        }

        return EnvironmentValidation.Validate(parsed with { Name = name, File = file });
    }

    /// <summary>The names of the members a file may hold, as spelt in the file: the schema test compares them.</summary>
    public static IReadOnlyList<string> MemberNames(Type type) =>
        [.. Strict.GetTypeInfo(type).Properties.Select(p => p.Name).Where(n => n != "$schema").Order(StringComparer.Ordinal)];

    private static string Describe(JsonException e, string file)
    {
        var where = e.LineNumber is { } line ? $"{file}:{line + 1}:{(e.BytePositionInLine ?? 0) + 1}" : file;
        var field = FieldOf(e.Path);
        var unknown = UnknownMember().Match(e.Message);
        if (unknown.Success)
        {
            var member = unknown.Groups["name"].Value;
            // The path may end at the unknown member itself; its parent is where it was written.
            // Stryker disable once String : FieldOf and TypeAt read "" and "$" alike (both the root), so the fallback's text cannot show.
            var parentPath = e.Path ?? "$";
            foreach (var suffix in new[] { "." + member, $"['{member}']" })
            {
                parentPath = parentPath.EndsWith(suffix, StringComparison.Ordinal) ? parentPath[..^suffix.Length] : parentPath;
            }

            var type = TypeAt(parentPath);
            var known = type is null ? [] : MemberNames(type);
            var parentField = FieldOf(parentPath);
            var parent = parentField.Length > 0 ? $" in '{parentField}'" : "";
            return $"{where}: unknown field '{member}'{parent}." + NameSuggestion.Hint(member, known)
                + (known.Count > 0 ? $" Valid fields here: {string.Join(", ", known)}." : "");
        }

        if (e.LineNumber is null)
        {
            return $"{file}: not valid JSON: {e.Message}";
        }

        // A syntax error (a missing comma, a trailing one, "tru") is thrown by the reader at the field it was in: saying
        // what the field must be would send the user to fix a value that is right.
        var syntaxError = e.InnerException is JsonException;
        var expected = TypeAt(e.Path) is { } target ? Expected(target) : null;
        return expected is not null && field.Length > 0 && !syntaxError
            ? $"{where}: '{field}' must be {expected}."
            : $"{where}: not valid JSON{(field.Length > 0 ? $" at '{field}'" : "")}: {FirstSentence(e.Message)}";
    }

    private static string FirstSentence(string message) => message.Split(" Path:", 2)[0].Split(" LineNumber:", 2)[0];

    private static string FieldOf(string? path) => path is null or "$" ? "" : path.StartsWith("$.", StringComparison.Ordinal) ? path[2..] : path.TrimStart('$');

    /// <summary>The .NET type a JSON path lands on, walking the members as the serializer names them.</summary>
    private static Type? TypeAt(string? path)
    {
        Type? type = typeof(DeployEnvironment);
        foreach (Match segment in PathSegment().Matches(FieldOf(path)))
        {
            if (type is null)
            {
                return null;
            }

            if (segment.Groups["index"].Success)
            {
                type = ElementType(type);
                continue;
            }

            var name = segment.Groups["name"].Value;
            if (DictionaryValueType(type) is { } valueType)
            {
                type = valueType;
                continue;
            }

            var info = Strict.GetTypeInfo(type);
            type = info.Kind == JsonTypeInfoKind.Object
                ? info.Properties.FirstOrDefault(p => p.Name == name)?.PropertyType is { } t ? Nullable.GetUnderlyingType(t) ?? t : null
                : null;
        }

        return type;
    }

    private static Type? ElementType(Type type) =>
        type.IsArray ? type.GetElementType()
        : type.GetInterfaces().Append(type).FirstOrDefault(i => i.IsGenericType && i.GetGenericTypeDefinition() == typeof(IEnumerable<>))?.GetGenericArguments()[0];

    private static Type? DictionaryValueType(Type type) =>
        type.GetInterfaces().Append(type).FirstOrDefault(i => i.IsGenericType && i.GetGenericTypeDefinition() == typeof(IReadOnlyDictionary<,>) || i.IsGenericType && i.GetGenericTypeDefinition() == typeof(IDictionary<,>))?.GetGenericArguments()[1];

    private static string? Expected(Type type) =>
        type == typeof(string) ? "text (in double quotes)"
        : type == typeof(int) || type == typeof(long) ? "a whole number"
        : type == typeof(bool) ? "true or false"
        : DictionaryValueType(type) is not null ? "an object of names to text values"
        : type != typeof(string) && typeof(IEnumerable).IsAssignableFrom(type) ? "a list ([...])"
        : type.IsClass ? "an object ({...})"
        : null;

    private static JsonSerializerOptions CreateOptions()
    {
        var options = new JsonSerializerOptions(JsonSerializerDefaults.General)
        {
            PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
            DictionaryKeyPolicy = null,
            UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow,
            ReadCommentHandling = JsonCommentHandling.Skip,
            TypeInfoResolver = new DefaultJsonTypeInfoResolver { Modifiers = { HideComputedMembers } },
        };
        // Stryker disable once Statement : options freeze at their first use anyway; this only makes the freeze explicit, so no reading differs without it.
        options.MakeReadOnly();
        return options;
    }

    /// <summary>Name, File and IsLocal come from where the file is, not from what it says; "$schema" is for editors.</summary>
    private static void HideComputedMembers(JsonTypeInfo info)
    {
        if (info.Type != typeof(DeployEnvironment))
        {
            return;
        }

        foreach (var property in info.Properties.Where(p => p.Name is "name" or "file" or "isLocal").ToList())
        {
            info.Properties.Remove(property);
        }

        var schema = info.CreateJsonPropertyInfo(typeof(string), "$schema");
        schema.Set = (_, _) => { };
        info.Properties.Add(schema);
    }

    [GeneratedRegex("The JSON property '(?<name>[^']*)' could not be mapped")]
    private static partial Regex UnknownMember();

    [GeneratedRegex(@"(?<name>[A-Za-z0-9_$-]+)|\[(?<index>\d+)\]|\['(?<name>[^']*)'\]")]
    private static partial Regex PathSegment();
}
