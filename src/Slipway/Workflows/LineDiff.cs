using System.Text;

namespace Slipway.Workflows;

/// <summary>
/// A unified diff of two texts (as <c>git diff</c> prints it: <c>---</c>/<c>+++</c>, hunks with three lines of
/// context), so a stale generated file shows exactly which lines the generator would change.
/// </summary>
internal static class LineDiff
{
    private const int Context = 3;

    public static string Unified(string oldText, string newText, string oldLabel, string newLabel)
    {
        var a = Lines(oldText);
        var b = Lines(newText);
        var edits = Edits(a, b);
        var output = new StringBuilder();
        output.Append("--- ").Append(oldLabel).Append('\n');
        output.Append("+++ ").Append(newLabel).Append('\n');
        var i = 0;
        while (i < edits.Count)
        {
            if (edits[i].Kind == ' ')
            {
                i++;
                continue;
            }

            // A hunk: from a change, extend while changes come within twice the context of each other.
            var start = Math.Max(0, i - Context);
            var end = i;
            while (end < edits.Count)
            {
                var nextChange = edits.FindIndex(end, e => e.Kind != ' ');
                if (nextChange < 0 || nextChange - end > 2 * Context)
                {
                    break;
                }

                end = edits.FindIndex(nextChange, e => e.Kind == ' ') is var same and >= 0 ? same : edits.Count;
            }

            var stop = Math.Min(edits.Count, end + Context);
            var hunk = edits.GetRange(start, stop - start);
            var oldCount = hunk.Count(e => e.Kind != '+');
            var newCount = hunk.Count(e => e.Kind != '-');
            // An empty side starts at the line before, as in git: "@@ -0,0 +1,2 @@" for a new file.
            var oldStart = edits.Take(start).Count(e => e.Kind != '+') + (oldCount > 0 ? 1 : 0);
            var newStart = edits.Take(start).Count(e => e.Kind != '-') + (newCount > 0 ? 1 : 0);
            output.Append($"@@ -{oldStart},{oldCount} +{newStart},{newCount} @@\n");
            foreach (var edit in hunk)
            {
                output.Append(edit.Kind).Append(edit.Line).Append('\n');
            }

            i = stop;
        }

        return output.ToString();
    }

    private static string[] Lines(string text) =>
        text.Length == 0 ? [] : text.TrimEnd('\n').Split('\n');

    /// <summary>The shortest edit script by longest common subsequence; generated files are small.</summary>
    private static List<(char Kind, string Line)> Edits(string[] a, string[] b)
    {
        var common = new int[a.Length + 1, b.Length + 1];
        for (var i = a.Length - 1; i >= 0; i--)
        {
            for (var j = b.Length - 1; j >= 0; j--)
            {
                common[i, j] = a[i] == b[j] ? common[i + 1, j + 1] + 1 : Math.Max(common[i + 1, j], common[i, j + 1]);
            }
        }

        var edits = new List<(char, string)>();
        int x = 0, y = 0;
        while (x < a.Length || y < b.Length)
        {
            if (x < a.Length && y < b.Length && a[x] == b[y])
            {
                edits.Add((' ', a[x++]));
                y++;
            }
            else if (x < a.Length && (y == b.Length || common[x + 1, y] >= common[x, y + 1]))
            {
                edits.Add(('-', a[x++])); // Removed lines first, as git prints them.
            }
            else
            {
                edits.Add(('+', b[y++]));
            }
        }

        return edits;
    }
}
