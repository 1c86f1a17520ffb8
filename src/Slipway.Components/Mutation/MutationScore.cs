using System.Globalization;
using System.Text;

namespace Slipway.Components.Mutation;

/// <summary>One library's result: its report against its configured break threshold.</summary>
internal sealed record MutationScore(string Library, MutationReport Report, double Break)
{
    /// <summary>Below the break threshold fails; a library with nothing to score does not.</summary>
    public bool IsBelowBreak => Report.Score is { } score && score < Break;

    public string FormattedScore => Format(Report.Score);

    public static string Format(double? score) =>
        score is { } value ? (Math.Floor(value * 10) / 10).ToString("0.0", CultureInfo.InvariantCulture) + " %" : "n/a";

    /// <summary>The summary note: every library's score, in order.</summary>
    public static string Note(IEnumerable<MutationScore> scores) =>
        string.Join(", ", scores.Select(s => $"{s.Library} {s.FormattedScore}"));

    /// <summary>The log's table: one row per library with the counts behind its score.</summary>
    public static string Table(IReadOnlyList<MutationScore> scores)
    {
        string[] header = ["Library", "Score", "Break", "Killed", "Survived", "No coverage", "Timeout", "Ignored", "Compile errors"];
        var rows = new List<string[]> { header };
        rows.AddRange(scores.Select(s => new[]
        {
            s.Library,
            s.FormattedScore,
            s.Break.ToString("0.##", CultureInfo.InvariantCulture),
            Count(s.Report.Killed),
            Count(s.Report.Survived),
            Count(s.Report.NoCoverage),
            Count(s.Report.Timeout),
            Count(s.Report.Ignored),
            Count(s.Report.CompileErrors),
        }));
        var widths = header.Select((_, column) => rows.Max(r => r[column].Length)).ToArray();
        var text = new StringBuilder();
        foreach (var row in rows)
        {
            text.AppendLine(string.Join("  ", row.Select((cell, column) => column == 0 ? cell.PadRight(widths[column]) : cell.PadLeft(widths[column]))).TrimEnd());
        }

        return text.ToString();
    }

    private static string Count(int value) => value.ToString(CultureInfo.InvariantCulture);
}
