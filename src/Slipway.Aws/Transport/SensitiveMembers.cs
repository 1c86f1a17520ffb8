using System.Reflection;
using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;

namespace Slipway.Aws.Transport;

/// <summary>Writes members the model marks sensitive as <c>"****"</c>, whatever their type.</summary>
internal static class SensitiveMembers
{
    public const string Masked = "****";

    public static void Mask(JsonTypeInfo typeInfo)
    {
        if (typeInfo.Kind != JsonTypeInfoKind.Object)
        {
            return;
        }

        foreach (var property in typeInfo.Properties)
        {
            if (IsSensitive(property))
            {
                property.CustomConverter = (JsonConverter)Activator.CreateInstance(typeof(MaskConverter<>).MakeGenericType(property.PropertyType))!;
            }
        }
    }

    private static bool IsSensitive(JsonPropertyInfo property)
        => property.AttributeProvider?.IsDefined(typeof(AwsSensitiveAttribute), inherit: false) == true
            || (Nullable.GetUnderlyingType(property.PropertyType) ?? property.PropertyType).GetCustomAttribute<AwsSensitiveAttribute>() is not null;

    private sealed class MaskConverter<T> : JsonConverter<T>
    {
        public override T Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
            => throw new NotSupportedException("Masked JSON is for display and cannot be read back.");

        public override void Write(Utf8JsonWriter writer, T value, JsonSerializerOptions options) => writer.WriteStringValue(Masked);
    }
}
