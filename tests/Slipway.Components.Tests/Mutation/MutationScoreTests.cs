using Slipway.Components.Mutation;

namespace Slipway.Components.Tests.Mutation;

/// <summary>The break threshold read from a library's Stryker config, and the table and note the target writes.</summary>
public sealed class MutationScoreTests
{
    private static MutationReport Counts(int killed, int survived, int noCoverage = 0, int timeout = 0, int ignored = 0, int compileErrors = 0) =>
        new(killed, survived, noCoverage, timeout, ignored, compileErrors, RuntimeErrors: 0);

    [Theory]
    [InlineData("""{ "stryker-config": { "thresholds": { "high": 90, "low": 85, "break": 85 } } }""", 85)]
    [InlineData("""{ "stryker-config": { "thresholds": { "break": 80.5 } } }""", 80.5)]
    [InlineData("""{ "stryker-config": { "thresholds": { "high": 90 } } }""", 0)]
    [InlineData("""{ "stryker-config": { "project": "A.csproj" } }""", 0)]
    public void The_break_threshold_is_the_configs_or_Strykers_default_of_zero(string json, double expected)
    {
        Assert.Equal(expected, MutationConfig.ParseBreak(json));
    }

    [Theory]
    [InlineData("""{ "thresholds": { "break": 85 } }""", "no \"stryker-config\" object")]
    [InlineData("""{ "stryker-config": { "thresholds": { "break": "85" } } }""", "\"thresholds.break\" is \"85\": give a number from 0 to 100")]
    [InlineData("""{ "stryker-config": { "thresholds": { "break": 101 } } }""", "\"thresholds.break\" is 101")]
    [InlineData("""{ "stryker-config": { "thresholds": { "break": -1 } } }""", "\"thresholds.break\" is -1")]
    public void A_config_whose_break_cannot_be_read_is_refused(string json, string expected)
    {
        var error = Assert.Throws<FormatException>(() => MutationConfig.ParseBreak(json));
        Assert.Contains(expected, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_config_file_names_its_library_by_its_folder_and_its_errors_by_its_path()
    {
        using var repository = new TestRepository();
        var file = repository.Root / "src" / "Slipway.Aws" / "stryker-config.json";
        file.WriteAllText("""{ "stryker-config": { "thresholds": { "break": 90 } } }""");
        Assert.Equal(new MutationConfig("Slipway.Aws", file, 90), MutationConfig.Read(file));

        file.WriteAllText("""{ "stryker-config": [] }""");
        var error = Assert.Throws<InvalidOperationException>(() => MutationConfig.Read(file));
        Assert.StartsWith($"{file}: no \"stryker-config\" object", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_score_below_break_fails_and_one_at_break_passes()
    {
        Assert.True(new MutationScore("A", Counts(killed: 84, survived: 16), Break: 85).IsBelowBreak);
        Assert.False(new MutationScore("A", Counts(killed: 85, survived: 15), Break: 85).IsBelowBreak);
        Assert.False(new MutationScore("A", Counts(killed: 0, survived: 10), Break: 0).IsBelowBreak);
    }

    [Fact]
    public void The_log_table_has_a_row_per_library_with_the_counts_aligned()
    {
        var table = MutationScore.Table(
        [
            new MutationScore("Slipway", Counts(killed: 900, survived: 120, noCoverage: 20, timeout: 10, ignored: 12, compileErrors: 3), Break: 85),
            new MutationScore("Slipway.Aws", Counts(killed: 9, survived: 1), Break: 90),
        ]);

        Assert.Equal(
            """
            Library       Score  Break  Killed  Survived  No coverage  Timeout  Ignored  Compile errors
            Slipway      86.6 %     85     900       120           20       10       12               3
            Slipway.Aws  90.0 %     90       9         1            0        0        0               0

            """.ReplaceLineEndings(),
            table);
    }

    [Fact]
    public void The_summary_note_lists_each_librarys_score_in_order()
    {
        Assert.Equal(
            "Slipway 87.5 %, Slipway.Docker n/a",
            MutationScore.Note([new MutationScore("Slipway", Counts(killed: 7, survived: 1), Break: 85), new MutationScore("Slipway.Docker", Counts(killed: 0, survived: 0), Break: 80)]));
    }
}
