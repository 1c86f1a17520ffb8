using System.Net;
using System.Text;
using System.Text.RegularExpressions;

namespace Slipway.Tools.AwsModelGenerator;

/// <summary>
/// The model's HTML documentation as XML doc comment lines: paragraphs become <c>&lt;para&gt;</c>, <c>&lt;code&gt;</c>
/// becomes <c>&lt;c&gt;</c>, links keep their text and address, every other tag is dropped, lines wrap at 116 columns.
/// </summary>
internal static partial class DocText
{
    private const int Width = 116;

    public static IReadOnlyList<string> Summary(string? html, string? fallback = null)
    {
        var paragraphs = Paragraphs(html);
        if (paragraphs.Count == 0)
        {
            paragraphs = fallback is null ? [] : [Escape(fallback)];
        }

        var lines = new List<string> { "<summary>" };
        for (var i = 0; i < paragraphs.Count; i++)
        {
            if (i == 0)
            {
                lines.AddRange(Wrap(paragraphs[i]));
            }
            else
            {
                lines.Add("<para>");
                lines.AddRange(Wrap(paragraphs[i]));
                lines.Add("</para>");
            }
        }

        lines.Add("</summary>");
        return lines;
    }

    /// <summary>The text of the first paragraph, unwrapped: for notes such as a deprecation message.</summary>
    public static string Plain(string? html) => Paragraphs(html) is [var first, ..] ? first : "";

    private static List<string> Paragraphs(string? html)
    {
        if (string.IsNullOrWhiteSpace(html))
        {
            return [];
        }

        var text = html;
        text = CodeTag().Replace(text, m => "\u0001c\u0002" + m.Groups[1].Value.Trim() + "\u0001/c\u0002");
        text = LinkTag().Replace(text, m => m.Groups[2].Value.Trim() + " (" + m.Groups[1].Value + ")");
        text = ListItemTag().Replace(text, "\u0003- ");
        text = BlockTag().Replace(text, "\u0003");
        text = AnyTag().Replace(text, "");
        text = WebUtility.HtmlDecode(text);
        text = Escape(text).Replace("\u0001", "<", StringComparison.Ordinal).Replace("\u0002", ">", StringComparison.Ordinal);
        return text.Split('\u0003')
            .Select(p => Whitespace().Replace(p, " ").Trim())
            .Where(p => p.Length > 0 && p != "-")
            .ToList();
    }

    private static string Escape(string text)
        => text.Replace("&", "&amp;", StringComparison.Ordinal).Replace("<", "&lt;", StringComparison.Ordinal).Replace(">", "&gt;", StringComparison.Ordinal);

    private static IEnumerable<string> Wrap(string paragraph)
    {
        var line = new StringBuilder();
        foreach (var word in paragraph.Split(' '))
        {
            if (line.Length > 0 && line.Length + 1 + word.Length > Width)
            {
                yield return line.ToString();
                line.Clear();
            }

            if (line.Length > 0)
            {
                line.Append(' ');
            }

            line.Append(word);
        }

        if (line.Length > 0)
        {
            yield return line.ToString();
        }
    }

    [GeneratedRegex(@"<code>(.*?)</code>", RegexOptions.Singleline)]
    private static partial Regex CodeTag();

    [GeneratedRegex(@"<a\s+href=""([^""]*)""[^>]*>(.*?)</a>", RegexOptions.Singleline)]
    private static partial Regex LinkTag();

    [GeneratedRegex(@"<li>\s*(<p>)?", RegexOptions.IgnoreCase)]
    private static partial Regex ListItemTag();

    [GeneratedRegex(@"</?(p|ul|ol|note|important|br|dl|dt|dd|div)\s*/?>", RegexOptions.IgnoreCase)]
    private static partial Regex BlockTag();

    [GeneratedRegex(@"<[^>]+>")]
    private static partial Regex AnyTag();

    [GeneratedRegex(@"\s+")]
    private static partial Regex Whitespace();
}
