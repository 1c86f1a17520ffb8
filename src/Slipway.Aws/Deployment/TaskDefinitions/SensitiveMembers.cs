using System.Text.Json.Nodes;

namespace Slipway.Aws.Deployment.TaskDefinitions;

/// <summary>
/// Hides what the ECS model marks <c>sensitive</c> in a task definition (container <c>environment</c> values,
/// <c>repositoryCredentials</c>) and every <c>secrets</c> reference, before a task definition is shown. A value that
/// differs from the other side of a diff reads <c>**** (changed)</c> on the new side (and <c>****</c> on the old), so a diff
/// still shows that something changed without showing what.
/// </summary>
public static class SensitiveMembers
{
    public const string Mask = "****";

    /// <summary>The container members masked; a test checks this list against the model's <c>sensitive</c> shapes.</summary>
    public static IReadOnlyList<string> ContainerMembers { get; } = ["environment", "repositoryCredentials", "secrets"];

    public static JsonObject Masked(JsonObject definition, JsonObject? other = null, bool markChanges = true)
    {
        ArgumentNullException.ThrowIfNull(definition);
        var copy = (JsonObject)definition.DeepClone();
        var containers = copy["containerDefinitions"] as JsonArray ?? [];
        var otherContainers = (other?["containerDefinitions"] as JsonArray ?? []).OfType<JsonObject>().ToList();
        foreach (var container in containers.OfType<JsonObject>())
        {
            var counterpart = otherContainers.FirstOrDefault(c => c["name"]?.ToString() == container["name"]?.ToString());
            MaskList(container, counterpart, "environment", "value", markChanges);
            MaskList(container, counterpart, "secrets", "valueFrom", markChanges);
            if (container["repositoryCredentials"] is JsonObject credentials)
            {
                foreach (var key in credentials.Select(p => p.Key).ToList())
                {
                    credentials[key] = Masking(credentials[key], counterpart is null ? credentials[key] : counterpart["repositoryCredentials"]?[key], markChanges);
                }
            }
        }

        return copy;
    }

    private static void MaskList(JsonObject container, JsonObject? counterpart, string member, string valueKey, bool markChanges)
    {
        var others = (counterpart?[member] as JsonArray ?? []).OfType<JsonObject>().ToList();
        foreach (var item in (container[member] as JsonArray ?? []).OfType<JsonObject>())
        {
            var match = others.FirstOrDefault(o => o["name"]?.ToString() == item["name"]?.ToString());
            item[valueKey] = Masking(item[valueKey], counterpart is null ? item[valueKey] : match?[valueKey], markChanges);
        }
    }

    private static JsonValue Masking(JsonNode? value, JsonNode? otherValue, bool markChanges) =>
        JsonValue.Create(markChanges && !JsonNode.DeepEquals(value, otherValue) ? Mask + " (changed)" : Mask);
}
