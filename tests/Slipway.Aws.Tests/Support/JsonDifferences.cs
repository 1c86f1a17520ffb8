using System.Text.Json.Nodes;

namespace Slipway.Aws.Tests.Support;

/// <summary>Where two JSON documents differ, path by path: a failing round trip says what was lost.</summary>
internal static class JsonDifferences
{
    public static List<string> Between(JsonNode? expected, JsonNode? actual, string path = "$")
    {
        var found = new List<string>();
        Compare(expected, actual, path, found);
        return found;
    }

    private static void Compare(JsonNode? expected, JsonNode? actual, string path, List<string> found)
    {
        switch (expected, actual)
        {
            case (JsonObject want, JsonObject have):
                foreach (var (name, value) in want)
                {
                    if (have.ContainsKey(name))
                    {
                        Compare(value, have[name], $"{path}.{name}", found);
                    }
                    else
                    {
                        found.Add($"{path}.{name}: lost");
                    }
                }

                found.AddRange(have.Where(m => !want.ContainsKey(m.Key)).Select(m => $"{path}.{m.Key}: added ({m.Value?.ToJsonString()})"));
                break;
            case (JsonArray want, JsonArray have) when want.Count == have.Count:
                for (var i = 0; i < want.Count; i++)
                {
                    Compare(want[i], have[i], $"{path}[{i}]", found);
                }

                break;
            default:
                if (!JsonNode.DeepEquals(expected, actual))
                {
                    found.Add($"{path}: expected {expected?.ToJsonString()}, got {actual?.ToJsonString()}");
                }

                break;
        }
    }
}
