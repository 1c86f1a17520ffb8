using System.Collections;

namespace Slipway.Execution;

/// <summary>A snapshot of the process environment, so the engine's logic can take any dictionary in tests.</summary>
internal static class EnvironmentVariables
{
    public static IReadOnlyDictionary<string, string> Current() =>
        Environment.GetEnvironmentVariables()
            .Cast<DictionaryEntry>()
            .ToDictionary(e => (string)e.Key, e => (string?)e.Value ?? string.Empty, StringComparer.Ordinal);
}
