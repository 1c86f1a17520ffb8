using System.Globalization;
using System.Net;
using System.Text;
using Slipway.Targets;

namespace Slipway.Output;

/// <summary><c>--plan</c>: the planned targets and their links as a Mermaid graph, and an HTML page that draws it.</summary>
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

    public static string ToHtml(string mermaid, IReadOnlyList<ExecutableTarget> plan)
    {
        var order = string.Join(" → ", plan.Select(t => t.Name));
        return $"""
            <!DOCTYPE html>
            <html lang="en">
            <head><meta charset="utf-8"><title>Build plan</title>
            <script type="module">import mermaid from 'https://cdn.jsdelivr.net/npm/mermaid@11/dist/mermaid.esm.min.mjs'; mermaid.initialize({"{"} startOnLoad: true {"}"});</script>
            </head>
            <body>
            <h1>Build plan</h1>
            <p>Order: {WebUtility.HtmlEncode(order)}</p>
            <pre class="mermaid">
            {WebUtility.HtmlEncode(mermaid)}
            </pre>
            </body>
            </html>
            """;
    }
}
