using System.Text.Json;
using System.Text.Json.Nodes;
using Slipway.Parameters;

namespace Slipway.Schema;

/// <summary>
/// <c>.nuke/build.schema.json</c>: a JSON schema of the parameter files, so editors complete parameter names
/// and enum values. Written only when it changes, to keep start-up free of needless I/O.
/// </summary>
internal static class BuildSchema
{
    public static JsonObject Create(IReadOnlyList<ParameterMember> parameters, object build)
    {
        var properties = new JsonObject
        {
            ["$schema"] = new JsonObject { ["type"] = "string" },
        };
        foreach (var parameter in parameters)
        {
            var schema = TypeSchema(parameter.Type, parameter.AllowedValues(build));
            if (parameter.Description is not null)
            {
                schema["description"] = parameter.Description;
            }

            properties[parameter.Name] = schema;
        }

        return new JsonObject
        {
            ["$schema"] = "http://json-schema.org/draft-07/schema#",
            ["title"] = "Build parameters",
            ["type"] = "object",
            ["additionalProperties"] = false,
            ["properties"] = properties,
        };
    }

    public const string RelativePath = ".nuke/build.schema.json";

    /// <summary>The schema as one of the build's generated files.</summary>
    public static GeneratedFile File(IReadOnlyList<ParameterMember> parameters, object build) =>
        new(RelativePath, () => Create(parameters, build).ToJsonString(new JsonSerializerOptions { WriteIndented = true }) + "\n");

    private static JsonObject TypeSchema(Type type, IReadOnlyList<string>? allowed)
    {
        var underlying = Nullable.GetUnderlyingType(type) ?? type;
        if (underlying.IsArray)
        {
            return new JsonObject { ["type"] = "array", ["items"] = TypeSchema(underlying.GetElementType()!, allowed) };
        }

        if (allowed is not null)
        {
            return new JsonObject { ["type"] = "string", ["enum"] = new JsonArray([.. allowed.Select(v => (JsonNode)v)]) };
        }

        if (underlying.IsEnum)
        {
            return new JsonObject { ["type"] = "string", ["enum"] = new JsonArray([.. Enum.GetNames(underlying).Select(n => (JsonNode)n)]) };
        }

        var name = underlying switch
        {
            _ when underlying == typeof(bool) => "boolean",
            _ when underlying == typeof(int) || underlying == typeof(long) => "integer",
            _ when underlying == typeof(double) || underlying == typeof(decimal) => "number",
            _ => "string",
        };
        return new JsonObject { ["type"] = name };
    }
}
