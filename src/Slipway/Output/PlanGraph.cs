using System.Globalization;
using System.Net;
using System.Text;
using Slipway.Targets;

namespace Slipway.Output;

/// <summary><c>--plan</c>: the planned targets and their links as a Mermaid graph, and an HTML page that draws it offline.</summary>
internal static class PlanGraph
{
    public static string ToMermaid(IReadOnlyList<ExecutableTarget> plan)
    {
        var planned = plan.ToHashSet();
        var text = new StringBuilder("graph LR\n");
        foreach (var target in plan)
        {
            var label = (target.Status, target.Note) switch
            {
                (TargetStatus.Skipped, var note) => $"{target.Name} (skipped: {note})",
                (TargetStatus.UpToDate, var note) => $"{target.Name} (up to date: {note})",
                (_, { } note) => $"{target.Name} ({note})",
                _ => target.Name,
            };
            text.AppendLine(CultureInfo.InvariantCulture, $"    {target.Name}[\"{label.Replace("\"", "'", StringComparison.Ordinal)}\"]");
        }

        foreach (var target in plan)
        {
            foreach (var dependency in target.Dependencies.Where(planned.Contains))
            {
                text.AppendLine(CultureInfo.InvariantCulture, $"    {dependency.Name} --> {target.Name}");
            }

            foreach (var earlier in target.RunsAfter.Where(planned.Contains))
            {
                text.AppendLine(CultureInfo.InvariantCulture, $"    {earlier.Name} -.->|before| {target.Name}");
            }

            foreach (var triggered in target.Triggers.Where(planned.Contains))
            {
                text.AppendLine(CultureInfo.InvariantCulture, $"    {target.Name} ==>|triggers| {triggered.Name}");
            }
        }

        var invoked = plan.Where(t => t.IsInvoked).Select(t => t.Name).ToList();
        if (invoked.Count > 0)
        {
            text.AppendLine("    classDef invoked stroke-width:3px");
            text.AppendLine(CultureInfo.InvariantCulture, $"    class {string.Join(',', invoked)} invoked");
        }

        var upToDate = plan.Where(t => t.Status == TargetStatus.UpToDate).Select(t => t.Name).ToList();
        if (upToDate.Count > 0)
        {
            text.AppendLine("    classDef uptodate stroke-dasharray:4 4");
            text.AppendLine(CultureInfo.InvariantCulture, $"    class {string.Join(',', upToDate)} uptodate");
        }

        return text.ToString();
    }

    /// <summary>A page that needs no network: the plan drawn inline as SVG, and the Mermaid text to paste elsewhere.</summary>
    public static string ToHtml(string mermaid, IReadOnlyList<ExecutableTarget> plan)
    {
        var order = string.Join(" → ", plan.Select(t => t.Name));
        return $"""
            <!DOCTYPE html>
            <html lang="en">
            <head><meta charset="utf-8"><title>Build plan</title></head>
            <body>
            <h1>Build plan</h1>
            <p>Order: {WebUtility.HtmlEncode(order)}</p>
            <p>Solid: depends on; dashed: runs after; thick: triggers; bold outline: invoked; grey: skipped.</p>
            {PlanSvg.Draw(plan)}
            <h2>Mermaid</h2>
            <pre>
            {WebUtility.HtmlEncode(mermaid)}
            </pre>
            </body>
            </html>
            """;
    }
}
