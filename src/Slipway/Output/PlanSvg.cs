using System.Globalization;
using System.Net;
using System.Text;
using Slipway.Targets;

namespace Slipway.Output;

/// <summary>
/// The plan drawn as an inline SVG, so <c>.nuke/temp/plan.html</c> shows the graph with no network (no script,
/// no CDN): targets in columns by how many planned targets come before them, links as lines (solid: depends on,
/// dashed: runs after, thick: triggers), invoked targets outlined, skipped ones greyed.
/// </summary>
internal static class PlanSvg
{
    private const int BoxWidth = 170;
    private const int BoxHeight = 36;
    private const int ColumnGap = 60;
    private const int RowGap = 18;
    private const int Margin = 10;

    public static string Draw(IReadOnlyList<ExecutableTarget> plan)
    {
        var planned = plan.ToHashSet();
        var column = new Dictionary<ExecutableTarget, int>();
        foreach (var target in plan) // the plan is in execution order: what comes before is placed already
        {
            var before = Before(target, planned).Where(column.ContainsKey).Select(t => column[t] + 1);
            column[target] = before.DefaultIfEmpty(0).Max();
        }

        var position = new Dictionary<ExecutableTarget, (int X, int Y)>();
        foreach (var group in plan.GroupBy(t => column[t]))
        {
            var row = 0;
            foreach (var target in group)
            {
                position[target] = (Margin + (group.Key * (BoxWidth + ColumnGap)), Margin + (row++ * (BoxHeight + RowGap)));
            }
        }

        var width = position.Values.Select(p => p.X + BoxWidth).DefaultIfEmpty(0).Max() + Margin;
        var height = position.Values.Select(p => p.Y + BoxHeight).DefaultIfEmpty(0).Max() + Margin;
        var svg = new StringBuilder();
        svg.Append(CultureInfo.InvariantCulture, $"<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"{width}\" height=\"{height}\" font-family=\"sans-serif\" font-size=\"13\">");
        svg.Append("<defs><marker id=\"arrow\" viewBox=\"0 0 10 10\" refX=\"10\" refY=\"5\" markerWidth=\"7\" markerHeight=\"7\" orient=\"auto-start-reverse\"><path d=\"M 0 0 L 10 5 L 0 10 z\"/></marker></defs>");
        foreach (var target in plan)
        {
            foreach (var dependency in target.Dependencies.Where(planned.Contains))
            {
                Line(svg, position[dependency], position[target], "stroke-width=\"1.5\"");
            }

            foreach (var earlier in target.RunsAfter.Where(planned.Contains))
            {
                Line(svg, position[earlier], position[target], "stroke-width=\"1.2\" stroke-dasharray=\"5 4\"");
            }

            foreach (var triggered in target.Triggers.Where(planned.Contains))
            {
                Line(svg, position[target], position[triggered], "stroke-width=\"3\"");
            }
        }

        foreach (var target in plan)
        {
            var (x, y) = position[target];
            var skipped = target.Status == TargetStatus.Skipped;
            svg.Append(CultureInfo.InvariantCulture, $"<g><title>{WebUtility.HtmlEncode(skipped ? $"{target.Name} (skipped: {target.Note})" : target.Name)}</title>");
            svg.Append(CultureInfo.InvariantCulture, $"<rect x=\"{x}\" y=\"{y}\" width=\"{BoxWidth}\" height=\"{BoxHeight}\" rx=\"6\" fill=\"{(skipped ? "#eee" : "#e8f0fe")}\" stroke=\"#333\" stroke-width=\"{(target.IsInvoked ? 3 : 1)}\"/>");
            svg.Append(CultureInfo.InvariantCulture, $"<text x=\"{x + (BoxWidth / 2)}\" y=\"{y + (BoxHeight / 2) + 5}\" text-anchor=\"middle\" fill=\"{(skipped ? "#888" : "#000")}\">{WebUtility.HtmlEncode(target.Name)}</text></g>");
        }

        return svg.Append("</svg>").ToString();
    }

    private static IEnumerable<ExecutableTarget> Before(ExecutableTarget target, HashSet<ExecutableTarget> planned) =>
        target.Dependencies.Concat(target.RunsAfter).Where(planned.Contains);

    private static void Line(StringBuilder svg, (int X, int Y) from, (int X, int Y) to, string style)
    {
        var (x1, y1) = (from.X + BoxWidth, from.Y + (BoxHeight / 2));
        var (x2, y2) = (to.X, to.Y + (BoxHeight / 2));
        if (to.X <= from.X)
        {
            // Same column (a trigger into a target placed beside it): from the bottom edge to the top edge.
            (x1, y1, x2, y2) = (from.X + (BoxWidth / 2), from.Y + BoxHeight, to.X + (BoxWidth / 2), to.Y);
        }

        svg.Append(CultureInfo.InvariantCulture, $"<line x1=\"{x1}\" y1=\"{y1}\" x2=\"{x2}\" y2=\"{y2}\" stroke=\"#333\" {style} marker-end=\"url(#arrow)\"/>");
    }
}
