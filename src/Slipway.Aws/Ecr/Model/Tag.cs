using System.Text.Json.Serialization;

namespace Slipway.Aws.Ecr.Model;

/// <summary>The metadata to apply to a resource to help you categorize and organize them.</summary>
public sealed class Tag
{
    [JsonPropertyName("Key")]
    public string? Key { get; set; }

    [JsonPropertyName("Value")]
    public string? Value { get; set; }
}
