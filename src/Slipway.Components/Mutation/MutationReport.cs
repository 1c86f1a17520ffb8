using System.Text.Json;

namespace Slipway.Components.Mutation;

/// <summary>
/// The counts of a Stryker JSON report (the mutation-testing-elements schema: <c>files.*.mutants[].status</c>) and
/// the score Stryker computes from them: detected (killed + timeout) over valid (detected + survived + no
/// coverage); ignored, compile-error and runtime-error mutants are not in the score.
/// </summary>
internal sealed record MutationReport(int Killed, int Survived, int NoCoverage, int Timeout, int Ignored, int CompileErrors, int RuntimeErrors)
{
    public int Detected => Killed + Timeout;

    public int Valid => Detected + Survived + NoCoverage;

    public int Total => Valid + Ignored + CompileErrors + RuntimeErrors;

    /// <summary>The mutation score in percent; null when no mutant could be tested (nothing to score).</summary>
    public double? Score => Valid == 0 ? null : 100.0 * Detected / Valid;

    /// <summary>Reads the report Stryker wrote; a missing or malformed file is an error naming it.</summary>
    public static MutationReport Read(AbsolutePath file)
    {
        ArgumentNullException.ThrowIfNull(file);
        if (!file.FileExists)
        {
            throw new InvalidOperationException($"{file}: no mutation report (Stryker writes it with the \"json\" reporter; is \"json\" in the config's \"reporters\"?)");
        }

        try
        {
            return Parse(file.ReadAllText());
        }
        catch (Exception exception) when (exception is JsonException or FormatException)
        {
            throw new InvalidOperationException($"{file}: not a mutation-testing-elements report: {exception.Message}", exception);
        }
    }

    public static MutationReport Parse(string json)
    {
        using var document = JsonDocument.Parse(json);
        if (!document.RootElement.TryGetProperty("files", out var files) || files.ValueKind != JsonValueKind.Object)
        {
            throw new FormatException("it has no \"files\" object");
        }

        var counts = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var file in files.EnumerateObject())
        {
            if (!file.Value.TryGetProperty("mutants", out var mutants) || mutants.ValueKind != JsonValueKind.Array)
            {
                throw new FormatException($"file \"{file.Name}\" has no \"mutants\" array");
            }

            foreach (var mutant in mutants.EnumerateArray())
            {
                var status = mutant.TryGetProperty("status", out var value) && value.ValueKind == JsonValueKind.String
                    ? value.GetString()!
                    : throw new FormatException($"a mutant in \"{file.Name}\" has no \"status\"");
                counts[status] = counts.GetValueOrDefault(status) + 1;
            }
        }

        var unknown = counts.Keys.Except(KnownStatuses, StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
        if (unknown.Count > 0)
        {
            // A pending mutant (or a status this reader does not know) would make the score a guess.
            throw new FormatException($"mutants with status {string.Join(", ", unknown)}: only {string.Join(", ", KnownStatuses)} are scored");
        }

        return new MutationReport(
            counts.GetValueOrDefault("Killed"),
            counts.GetValueOrDefault("Survived"),
            counts.GetValueOrDefault("NoCoverage"),
            counts.GetValueOrDefault("Timeout"),
            counts.GetValueOrDefault("Ignored"),
            counts.GetValueOrDefault("CompileError"),
            counts.GetValueOrDefault("RuntimeError"));
    }

    private static readonly string[] KnownStatuses = ["Killed", "Survived", "NoCoverage", "Timeout", "Ignored", "CompileError", "RuntimeError"];
}
