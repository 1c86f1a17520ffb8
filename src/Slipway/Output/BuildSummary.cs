using System.Globalization;
using System.Text;
using Slipway.Targets;

namespace Slipway.Output;

/// <summary>The table printed at the end of every build, as text for the console and Markdown for CI.</summary>
internal static class BuildSummary
{
    public static string ToText(IReadOnlyList<ExecutableTarget> targets, TimeSpan total, int exitCode)
    {
        var rows = targets.Select(t => (t.Name, Status: t.Status.ToString(), Duration: Format(t), Note: Flatten(t.Note))).ToList();
        var nameWidth = Math.Max("Target".Length, rows.Count == 0 ? 0 : rows.Max(r => r.Name.Length)) + 2;
        const int statusWidth = 11;
        const int durationWidth = 10;
        var width = nameWidth + statusWidth + durationWidth + Math.Max(20, rows.Count == 0 ? 0 : Math.Min(80, rows.Max(r => r.Note.Length)));
        var text = new StringBuilder();
        text.AppendLine();
        text.AppendLine(new string('═', width));
        text.AppendLine(CultureInfo.InvariantCulture, $"{"Target".PadRight(nameWidth)}{"Status".PadRight(statusWidth)}{"Duration".PadRight(durationWidth)}Note");
        text.AppendLine(new string('─', width));
        foreach (var row in rows)
        {
            text.AppendLine(string.Create(CultureInfo.InvariantCulture, $"{row.Name.PadRight(nameWidth)}{row.Status.PadRight(statusWidth)}{row.Duration.PadRight(durationWidth)}{row.Note}").TrimEnd());
        }

        text.AppendLine(new string('─', width));
        text.AppendLine(CultureInfo.InvariantCulture, $"{"Total".PadRight(nameWidth + statusWidth)}{FormatDuration(total)}");
        text.AppendLine(new string('═', width));
        text.Append(Outcome(exitCode));
        return text.ToString();
    }

    public static string ToMarkdown(IReadOnlyList<ExecutableTarget> targets, TimeSpan total, int exitCode)
    {
        var text = new StringBuilder();
        text.AppendLine(CultureInfo.InvariantCulture, $"### {Outcome(exitCode)}");
        text.AppendLine();
        text.AppendLine("| Target | Status | Duration | Note |");
        text.AppendLine("| --- | --- | --- | --- |");
        foreach (var target in targets)
        {
            var note = Flatten(target.Note).Replace("|", "\\|", StringComparison.Ordinal);
            text.AppendLine(CultureInfo.InvariantCulture, $"| {target.Name} | {Icon(target.Status)} {target.Status} | {Format(target)} | {note} |");
        }

        text.AppendLine(CultureInfo.InvariantCulture, $"| **Total** | | {FormatDuration(total)} | |");
        return text.ToString();
    }

    public static string Outcome(int exitCode) =>
        exitCode switch
        {
            ExitCodes.Success => "Build succeeded",
            ExitCodes.Cancelled => "Build cancelled (exit 130)",
            _ => $"Build failed (exit {exitCode})",
        };

    private static string Format(ExecutableTarget target) =>
        target.Status is TargetStatus.Succeeded or TargetStatus.Failed or TargetStatus.Aborted ? FormatDuration(target.Duration) : string.Empty;

    private static string FormatDuration(TimeSpan duration) =>
        duration.TotalHours >= 1
            ? duration.ToString(@"h\:mm\:ss", CultureInfo.InvariantCulture)
            : duration.ToString(@"m\:ss\.fff", CultureInfo.InvariantCulture);

    private static string Flatten(string? note) =>
        note is null ? string.Empty : note.ReplaceLineEndings(" ").Trim();

    private static string Icon(TargetStatus status) =>
        status switch
        {
            TargetStatus.Succeeded => "✅",
            TargetStatus.Failed => "❌",
            TargetStatus.Aborted => "⛔",
            TargetStatus.Skipped => "⏭️",
            TargetStatus.UpToDate => "♻️",
            _ => "⏸️",
        };
}
