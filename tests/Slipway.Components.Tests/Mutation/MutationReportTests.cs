using Slipway.Components.Mutation;

namespace Slipway.Components.Tests.Mutation;

/// <summary>Reading Stryker's JSON report and scoring it as Stryker does, on small hand-written reports (no Stryker run).</summary>
public sealed class MutationReportTests
{
    private static string Report(params (string File, string[] Statuses)[] files) =>
        "{ \"schemaVersion\": \"2\", \"thresholds\": { \"high\": 80, \"low\": 60 }, \"files\": { " +
        string.Join(", ", files.Select(f => $"\"{f.File}\": {{ \"language\": \"cs\", \"source\": \"\", \"mutants\": [" +
            string.Join(", ", f.Statuses.Select((s, i) => $"{{ \"id\": \"{f.File}{i}\", \"mutatorName\": \"Equality\", \"status\": \"{s}\" }}")) + "] }")) +
        " } }";

    [Fact]
    public void Counts_every_status_across_files_and_scores_detected_over_valid()
    {
        var report = MutationReport.Parse(Report(
            ("A.cs", ["Killed", "Killed", "Survived", "Timeout", "Ignored"]),
            ("B.cs", ["Killed", "NoCoverage", "CompileError", "RuntimeError", "Survived"])));

        Assert.Equal(new MutationReport(Killed: 3, Survived: 2, NoCoverage: 1, Timeout: 1, Ignored: 1, CompileErrors: 1, RuntimeErrors: 1), report);
        Assert.Equal(4, report.Detected);
        Assert.Equal(7, report.Valid);
        Assert.Equal(10, report.Total);
        // (killed + timeout) / (all - ignored - compile errors - runtime errors) = 4 / 7
        Assert.Equal(400.0 / 7, report.Score!.Value, precision: 10);
    }

    [Theory]
    [InlineData(666, 276, 104, "63.6 %")]
    [InlineData(1699, 300, 1, "84.9 %")] // 84.95 %: never shown as 85.0 % when it is below a break of 85
    [InlineData(17, 3, 0, "85.0 %")]
    [InlineData(5, 0, 0, "100.0 %")]
    public void The_score_is_shown_to_one_decimal_never_rounded_up(int killed, int survived, int noCoverage, string expected)
    {
        var report = new MutationReport(killed, survived, noCoverage, Timeout: 0, Ignored: 0, CompileErrors: 0, RuntimeErrors: 0);

        Assert.Equal(expected, MutationScore.Format(report.Score));
    }

    [Fact]
    public void A_report_without_testable_mutants_has_no_score()
    {
        var report = MutationReport.Parse(Report(("A.cs", ["Ignored", "CompileError"]), ("B.cs", [])));

        Assert.Null(report.Score);
        Assert.Equal("n/a", MutationScore.Format(report.Score));
        Assert.False(new MutationScore("Empty", report, Break: 80).IsBelowBreak);
    }

    [Theory]
    [InlineData("{ }", "no \"files\" object")]
    [InlineData("{ \"files\": { \"A.cs\": { } } }", "file \"A.cs\" has no \"mutants\" array")]
    [InlineData("{ \"files\": { \"A.cs\": { \"mutants\": [ { \"id\": \"1\" } ] } } }", "a mutant in \"A.cs\" has no \"status\"")]
    [InlineData("{ \"files\": { \"A.cs\": { \"mutants\": [ { \"status\": \"Pending\" } ] } } }", "mutants with status Pending")]
    public void A_report_that_is_not_a_complete_mutation_report_is_refused(string json, string expected)
    {
        var error = Assert.Throws<FormatException>(() => MutationReport.Parse(json));
        Assert.Contains(expected, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_missing_or_broken_report_file_is_an_error_naming_the_file()
    {
        using var directory = new TestRepository();
        var file = directory.Root / "mutation-report.json";

        var missing = Assert.Throws<InvalidOperationException>(() => MutationReport.Read(file));
        Assert.StartsWith($"{file}: no mutation report", missing.Message, StringComparison.Ordinal);

        file.WriteAllText("{ not json");
        var broken = Assert.Throws<InvalidOperationException>(() => MutationReport.Read(file));
        Assert.StartsWith($"{file}: not a mutation-testing-elements report", broken.Message, StringComparison.Ordinal);

        file.WriteAllText(Report(("A.cs", ["Killed", "Survived"])));
        Assert.Equal(50, MutationReport.Read(file).Score);
    }
}
