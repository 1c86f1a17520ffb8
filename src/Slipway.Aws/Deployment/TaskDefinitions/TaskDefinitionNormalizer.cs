using System.Text.Json;
using System.Text.Json.Nodes;
using Slipway.Aws.Ecs.Model;
using Slipway.Aws.Transport;

namespace Slipway.Aws.Deployment.TaskDefinitions;

/// <summary>
/// A task definition reduced to what it means, so that what we render and what ECS describes compare equal when they
/// say the same: no tags, no nulls or empty lists/objects, and the defaults ECS fills in written out or dropped
/// (<c>essential</c> true, <c>protocol</c> tcp, a <c>hostPort</c> equal to the <c>containerPort</c>, container
/// <c>cpu</c> 0, network mode bridge, fault injection off); environment and secrets ordered by name.
/// </summary>
public static class TaskDefinitionNormalizer
{
    public static JsonObject Normalize(RegisterTaskDefinitionRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        var node = JsonSerializer.SerializeToNode(request, AwsJson.Options)!.AsObject();
        node.Remove("tags");
        node["networkMode"] ??= NetworkMode.Bridge;

        // ECS describes every task definition with "enableFaultInjection": false when it was not asked for.
        if (node["enableFaultInjection"]?.ToJsonString() == "false")
        {
            node.Remove("enableFaultInjection");
        }
        foreach (var container in (node["containerDefinitions"] as JsonArray ?? []).OfType<JsonObject>())
        {
            container["essential"] ??= true;
            if (container["cpu"]?.ToJsonString() is "0" or "\"0\"")
            {
                container.Remove("cpu");
            }

            foreach (var port in (container["portMappings"] as JsonArray ?? []).OfType<JsonObject>())
            {
                port["protocol"] ??= TransportProtocol.Tcp;
                if (port["hostPort"]?.ToJsonString() == port["containerPort"]?.ToJsonString())
                {
                    port.Remove("hostPort");
                }
            }

            SortByName(container, "environment");
            SortByName(container, "secrets");
        }

        SortStrings(node, "requiresCompatibilities");
        return (JsonObject)Prune(node)!;
    }

    public static bool AreEquivalent(RegisterTaskDefinitionRequest a, RegisterTaskDefinitionRequest b) =>
        JsonNode.DeepEquals(Normalize(a), Normalize(b));

    private static void SortByName(JsonObject owner, string member)
    {
        if (owner[member] is JsonArray list)
        {
            var sorted = list.Select(n => n?.DeepClone()).OrderBy(n => n?["name"]?.ToString(), StringComparer.Ordinal).ToArray();
            owner[member] = new JsonArray(sorted);
        }
    }

    private static void SortStrings(JsonObject owner, string member)
    {
        if (owner[member] is JsonArray list)
        {
            owner[member] = new JsonArray([.. list.Select(n => n?.ToString()).Order(StringComparer.Ordinal).Select(s => (JsonNode?)JsonValue.Create(s))]);
        }
    }

    /// <summary>Drops nulls and empty lists/objects, depth first; null when nothing is left.</summary>
    private static JsonNode? Prune(JsonNode? node)
    {
        switch (node)
        {
            case JsonObject obj:
                var result = new JsonObject();
                foreach (var (key, value) in obj.OrderBy(p => p.Key, StringComparer.Ordinal))
                {
                    if (Prune(value?.DeepClone()) is { } pruned)
                    {
                        result[key] = pruned;
                    }
                }

                return result.Count > 0 ? result : null;
            case JsonArray array:
                var items = array.Select(i => Prune(i?.DeepClone())).Where(i => i is not null).ToArray();
                return items.Length > 0 ? new JsonArray(items) : null;
            default:
                return node?.DeepClone();
        }
    }
}
