using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Slipway.Docker;

/// <summary>
/// An image config (the JSON whose digest is the image id) without what the classic builder makes different on
/// every build of the same inputs: the creation times of the image and of its own history entries (set to one
/// time), the id of the last build container and its config, the previous step's image (both named by time-made
/// ids) and the engine's version. The base image's history keeps its dates.
/// </summary>
internal static class ReproducibleConfig
{
    /// <summary>
    /// The config <paramref name="config"/> with the layers from <paramref name="diffIds"/>, dated at
    /// <paramref name="time"/> from history entry <paramref name="firstOwnHistoryEntry"/> on.
    /// </summary>
    public static byte[] Rewrite(ReadOnlySpan<byte> config, IReadOnlyList<string> diffIds, int firstOwnHistoryEntry, DateTimeOffset time)
    {
        var root = JsonNode.Parse(config)?.AsObject() ?? throw new InvalidDataException("the image config is not a JSON object");
        var created = time.ToUniversalTime().ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);
        root["created"] = created;
        root.Remove("container");
        root.Remove("container_config");
        root.Remove("docker_version");
        if (root["config"] is JsonObject runConfig && runConfig.ContainsKey("Image"))
        {
            runConfig["Image"] = "";
        }

        if (root["history"] is JsonArray history)
        {
            for (var i = firstOwnHistoryEntry; i < history.Count; i++)
            {
                if (history[i] is JsonObject entry)
                {
                    entry["created"] = created;
                }
            }
        }

        var rootfs = root["rootfs"]?.AsObject() ?? throw new InvalidDataException("the image config has no rootfs");
        rootfs["diff_ids"] = new JsonArray([.. diffIds.Select(id => (JsonNode)JsonValue.Create(id))]);
        return JsonSerializer.SerializeToUtf8Bytes(root);
    }
}
