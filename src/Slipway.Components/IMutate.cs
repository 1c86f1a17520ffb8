using Slipway.Components.Mutation;
using Slipway.Processes;

namespace Slipway.Components;

/// <summary>
/// <c>Mutate</c>: mutation testing with Stryker (the local dotnet tool pinned in <c>.config/dotnet-tools.json</c>)
/// of every library that has a <c>src/&lt;Library&gt;/stryker-config.json</c>, or only <c>--mutate-project</c>.
/// The HTML and JSON reports go to <c>artifacts/mutation/&lt;Library&gt;/reports</c>; the score of each library to
/// the log (a table with the counts) and the summary. A library below its config's <c>thresholds.break</c> fails
/// the target, after every library has run. Slow (minutes per library): scheduled, not part of CI's tests.
/// </summary>
public interface IMutate : IHazArtifacts
{
    AbsolutePath MutationDirectory => ArtifactsDirectory / "mutation";

    /// <summary>The libraries' Stryker configs: one per library folder under <c>src/</c> that has one.</summary>
    IEnumerable<AbsolutePath> MutationConfigs => (RootDirectory / "src").GlobFiles("*/" + MutationConfig.FileName);

    [Parameter("Mutate: only this library (its folder under src/, e.g. Slipway)")]
    string? MutateProject => TryGetValue(() => MutateProject);

    [Parameter("Mutate: how many test sessions Stryker runs at once (default: the concurrency in the config); 1 on a shared machine")]
    int? MutateConcurrency => TryGetValue(() => MutateConcurrency);

    Target Mutate => _ => _
        .Description("Mutation testing (Stryker) of each library with a src/<Library>/stryker-config.json; reports in artifacts/mutation")
        .Executes(async ct =>
        {
            var configs = SelectMutationConfigs();
            var scores = new List<MutationScore>();
            foreach (var config in configs)
            {
                scores.Add(await MutateLibraryAsync(config, ct));
            }

            Log.Information("Mutation scores:" + Environment.NewLine + MutationScore.Table(scores).TrimEnd());
            ReportSummary(MutationScore.Note(scores));
            var failing = scores.Where(s => s.IsBelowBreak).ToList();
            if (failing.Count > 0)
            {
                throw new TargetFailureException(string.Join(
                    "; ",
                    failing.Select(s => $"{s.Library} scores {s.FormattedScore}, below its break threshold {s.Break} % (thresholds.break in src/{s.Library}/{MutationConfig.FileName}); the surviving mutants are in {(MutationDirectory / s.Library / "reports" / "mutation-report.html").RelativeTo(RootDirectory)}")));
            }
        });

    private IReadOnlyList<MutationConfig> SelectMutationConfigs()
    {
        var configs = MutationConfigs.Select(MutationConfig.Read).OrderBy(c => c.Library, StringComparer.Ordinal).ToList();
        if (MutateProject is not { } wanted)
        {
            return configs.Count > 0
                ? configs
                : throw new TargetFailureException($"No library has a {MutationConfig.FileName} (src/<Library>/{MutationConfig.FileName}): nothing to mutate.");
        }

        var chosen = configs.Where(c => string.Equals(c.Library, wanted, StringComparison.Ordinal)).ToList();
        return chosen.Count > 0
            ? chosen
                        : throw new UsageException($"--mutate-project {wanted}: no src/{wanted}/{MutationConfig.FileName}; the libraries with one: {(configs.Count > 0 ? string.Join(", ", configs.Select(c => c.Library)) : "none")}");
    }

    /// <summary>
    /// Runs Stryker in the library's folder (in the repository root it would take the solution for its context and
    /// refuse the config's test projects), then reads the JSON report it wrote.
    /// </summary>
    private async Task<MutationScore> MutateLibraryAsync(MutationConfig config, CancellationToken cancellationToken)
    {
        var output = MutationDirectory / config.Library;
        output.DeleteDirectory(); // A report left from an earlier run must not pass for this one's.
        List<string> arguments = ["stryker", "--config-file", MutationConfig.FileName, "--output", output];
        if (MutateConcurrency is { } concurrency)
        {
            arguments.AddRange(["--concurrency", concurrency.ToString(System.Globalization.CultureInfo.InvariantCulture)]);
        }

        var result = await Processes.RunAsync(
            new ProcessSpec("dotnet", arguments)
            {
                WorkingDirectory = config.File.Parent!,
                ThrowOnFailure = false,
                Environment = new Dictionary<string, string?> { ["DOTNET_NOLOGO"] = "1", ["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1" },
            },
            cancellationToken);
        var reportFile = output / "reports" / "mutation-report.json";
        if (!reportFile.FileExists)
        {
            throw new TargetFailureException($"Stryker on {config.Library} exited {result.ExitCode} without a report ({reportFile.RelativeTo(RootDirectory)}); its output is above.");
        }

        // Stryker exits non-zero below its own break threshold too: the report decides, and names the library.
        return new MutationScore(config.Library, MutationReport.Read(reportFile), config.Break);
    }
}
