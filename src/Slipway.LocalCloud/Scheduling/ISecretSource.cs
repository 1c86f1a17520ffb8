using System.Text.Json;

namespace Slipway.LocalCloud.Scheduling;

/// <summary>Resolves a task definition's <c>secrets[].valueFrom</c> locally; values are never logged.</summary>
internal interface ISecretSource
{
    bool TryGet(string valueFrom, out string value);
}

/// <summary>
/// Secrets from a JSON file of <c>{"valueFrom": "value"}</c> pairs (by default <c>secrets.json</c> in the state
/// directory), read at each launch so that an edit needs no restart.
/// </summary>
internal sealed class FileSecretSource(string path) : ISecretSource
{
    public string Path { get; } = path;

    public bool TryGet(string valueFrom, out string value)
    {
        value = "";
        if (!File.Exists(Path))
        {
            return false;
        }

        try
        {
            var values = JsonSerializer.Deserialize<Dictionary<string, string>>(File.ReadAllBytes(Path));
            if (values is not null && values.TryGetValue(valueFrom, out var found))
            {
                value = found;
                return true;
            }
        }
        catch (JsonException)
        {
            // Reported by the caller as a missing secret, naming the file; the content is never echoed.
        }

        return false;
    }
}
