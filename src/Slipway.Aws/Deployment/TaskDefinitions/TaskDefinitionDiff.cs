using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Slipway.Aws.Deployment.TaskDefinitions;

/// <summary>
/// A line diff of two normalised task definitions, sensitive values masked on both sides: what a dry run shows.
/// Unchanged runs longer than the context are folded.
/// </summary>
public static class TaskDefinitionDiff
{
    private static readonly JsonSerializerOptions Indented = new() { WriteIndented = true };

    /// <summary>The masked, normalised JSON of a task definition, indented: what a dry run prints.</summary>
    public static string Show(JsonObject definition, JsonObject? other = null, bool markChanges = true) =>
        SensitiveMembers.Masked(definition, other, markChanges).ToJsonString(Indented);

    /// <summary>Lines prefixed <c>- </c>, <c>+ </c> or two spaces; empty when both say the same.</summary>
    public static string Compute(JsonObject? running, JsonObject rendered, int context = 3)
    {
        ArgumentNullException.ThrowIfNull(rendered);
        if (running is not null && JsonNode.DeepEquals(running, rendered))
        {
            return "";
        }

        var before = running is null ? [] : Show(running, rendered, markChanges: false).Split('\n');
        var after = Show(rendered, running).Split('\n');
        return Format(Lines(before, after), context);
    }

    private static List<(char Kind, string Text)> Lines(string[] a, string[] b)
    {
        // Longest common subsequence, table from the end; task definitions are a few hundred lines at most.
        var lcs = new int[a.Length + 1, b.Length + 1];
        for (var i = a.Length - 1; i >= 0; i--)
        {
            for (var j = b.Length - 1; j >= 0; j--)
            {
                lcs[i, j] = a[i] == b[j] ? lcs[i + 1, j + 1] + 1 : Math.Max(lcs[i + 1, j], lcs[i, j + 1]);
            }
        }

        var lines = new List<(char, string)>();
        int x = 0, y = 0;
        while (x < a.Length || y < b.Length)
        {
            if (x < a.Length && y < b.Length && a[x] == b[y])
            {
                lines.Add((' ', a[x++]));
                y++;
            }
            else if (y < b.Length && (x == a.Length || lcs[x, y + 1] >= lcs[x + 1, y]))
            {
                lines.Add(('+', b[y++]));
            }
            else
            {
                lines.Add(('-', a[x++]));
            }
        }

        return lines;
    }

    private static string Format(List<(char Kind, string Text)> lines, int context)
    {
        var text = new StringBuilder();
        var near = lines.Select((_, i) => lines.Skip(Math.Max(0, i - context)).Take((2 * context) + 1).Any(l => l.Kind != ' ')).ToArray();
        var folded = false;
        for (var i = 0; i < lines.Count; i++)
        {
            if (!near[i])
            {
                if (!folded)
                {
                    text.Append("  ...\n");
                    folded = true;
                }

                continue;
            }

            folded = false;
            text.Append(lines[i].Kind).Append(' ').Append(lines[i].Text).Append('\n');
        }

        return text.ToString();
    }
}
