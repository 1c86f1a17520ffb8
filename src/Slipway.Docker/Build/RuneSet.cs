using System.Globalization;
using System.Text;

namespace Slipway.Docker;

/// <summary>
/// Sets of Unicode code points (sorted inclusive ranges) as Go's regexp classes hold them, and their
/// translation to .NET regular expressions, which see UTF-16 units: a code point above the BMP is a surrogate
/// pair, so it is written as one.
/// </summary>
internal static class RuneSet
{
    public const int MaxRune = 0x10FFFF;

    public static List<(int Lo, int Hi)>? UnicodeCategorySet(string name)
    {
        if (name == "Any")
        {
            return [(0, MaxRune)];
        }

        // Go's one-letter classes are the union of their two-letter ones; Go has no Cn.
        var categories = Enum.GetValues<UnicodeCategory>()
            .Where(c => CategoryName(c) != "Cn" && (CategoryName(c) == name || (name.Length == 1 && CategoryName(c)[0] == name[0])))
            .ToHashSet();
        if (name.Length is < 1 or > 2 || categories.Count == 0)
        {
            return null;
        }

        var set = new List<(int Lo, int Hi)>();
        for (var rune = 0; rune <= MaxRune; rune++)
        {
            if (rune is >= 0xD800 and <= 0xDFFF)
            {
                continue;
            }

            if (categories.Contains(CharUnicodeInfo.GetUnicodeCategory(rune)))
            {
                if (set.Count > 0 && set[^1].Hi == rune - 1)
                {
                    set[^1] = (set[^1].Lo, rune);
                }
                else
                {
                    set.Add((rune, rune));
                }
            }
        }

        return set;
    }

    private static string CategoryName(UnicodeCategory category) => category switch
    {
        UnicodeCategory.UppercaseLetter => "Lu",
        UnicodeCategory.LowercaseLetter => "Ll",
        UnicodeCategory.TitlecaseLetter => "Lt",
        UnicodeCategory.ModifierLetter => "Lm",
        UnicodeCategory.OtherLetter => "Lo",
        UnicodeCategory.NonSpacingMark => "Mn",
        UnicodeCategory.SpacingCombiningMark => "Mc",
        UnicodeCategory.EnclosingMark => "Me",
        UnicodeCategory.DecimalDigitNumber => "Nd",
        UnicodeCategory.LetterNumber => "Nl",
        UnicodeCategory.OtherNumber => "No",
        UnicodeCategory.SpaceSeparator => "Zs",
        UnicodeCategory.LineSeparator => "Zl",
        UnicodeCategory.ParagraphSeparator => "Zp",
        UnicodeCategory.Control => "Cc",
        UnicodeCategory.Format => "Cf",
        UnicodeCategory.Surrogate => "Cs",
        UnicodeCategory.PrivateUse => "Co",
        UnicodeCategory.ConnectorPunctuation => "Pc",
        UnicodeCategory.DashPunctuation => "Pd",
        UnicodeCategory.OpenPunctuation => "Ps",
        UnicodeCategory.ClosePunctuation => "Pe",
        UnicodeCategory.InitialQuotePunctuation => "Pi",
        UnicodeCategory.FinalQuotePunctuation => "Pf",
        UnicodeCategory.OtherPunctuation => "Po",
        UnicodeCategory.MathSymbol => "Sm",
        UnicodeCategory.CurrencySymbol => "Sc",
        UnicodeCategory.ModifierSymbol => "Sk",
        UnicodeCategory.OtherSymbol => "So",
        _ => "Cn",
    };

    private static List<(int Lo, int Hi)> Normalize(IEnumerable<(int Lo, int Hi)> set)
    {
        var merged = new List<(int Lo, int Hi)>();
        foreach (var (lo, hi) in set.OrderBy(r => r.Lo))
        {
            if (merged.Count > 0 && lo <= merged[^1].Hi + 1)
            {
                merged[^1] = (merged[^1].Lo, Math.Max(merged[^1].Hi, hi));
            }
            else
            {
                merged.Add((lo, hi));
            }
        }

        return merged;
    }

    public static List<(int Lo, int Hi)> Negate(IEnumerable<(int Lo, int Hi)> set)
    {
        var result = new List<(int Lo, int Hi)>();
        var next = 0;
        foreach (var (lo, hi) in Normalize(set))
        {
            if (lo > next)
            {
                result.Add((next, lo - 1));
            }

            next = hi + 1;
        }

        if (next <= MaxRune)
        {
            result.Add((next, MaxRune));
        }

        return result;
    }

    /// <summary>A set of runes as .NET regex over UTF-16: BMP ranges in one class, astral ranges as surrogate pairs.</summary>
    public static string Emit(IEnumerable<(int Lo, int Hi)> set)
    {
        var bmp = new StringBuilder();
        var alternatives = new List<string>();
        foreach (var (lo, hi) in Normalize(set))
        {
            foreach (var (a, b) in new[] { (lo, Math.Min(hi, 0xD7FF)), (Math.Max(lo, 0xE000), Math.Min(hi, 0xFFFF)) })
            {
                if (a <= b)
                {
                    bmp.Append(CultureInfo.InvariantCulture, $"\\u{a:X4}-\\u{b:X4}");
                }
            }

            var astralLo = Math.Max(lo, 0x10000);
            if (astralLo <= hi)
            {
                alternatives.AddRange(SurrogateRanges(astralLo, hi));
            }
        }

        if (bmp.Length > 0)
        {
            alternatives.Insert(0, "[" + bmp + "]");
        }

        return alternatives.Count == 0 ? "(?!)" : "(?:" + string.Join('|', alternatives) + ")";
    }

    private static IEnumerable<string> SurrogateRanges(int lo, int hi)
    {
        var (loHigh, loLow) = Split(lo);
        var (hiHigh, hiLow) = Split(hi);
        if (loHigh == hiHigh)
        {
            yield return $"\\u{loHigh:X4}[\\u{loLow:X4}-\\u{hiLow:X4}]";
            yield break;
        }

        yield return $"\\u{loHigh:X4}[\\u{loLow:X4}-\\uDFFF]";
        if (hiHigh - loHigh > 1)
        {
            yield return $"[\\u{loHigh + 1:X4}-\\u{hiHigh - 1:X4}][\\uDC00-\\uDFFF]";
        }

        yield return $"\\u{hiHigh:X4}[\\uDC00-\\u{hiLow:X4}]";
    }

    private static (int High, int Low) Split(int rune)
    {
        var v = rune - 0x10000;
        return (0xD800 + (v >> 10), 0xDC00 + (v & 0x3FF));
    }

    public static string Literal(int rune)
    {
        if (rune < 0x10000)
        {
            return string.Create(CultureInfo.InvariantCulture, $"\\u{rune:X4}");
        }

        var (high, low) = Split(rune);
        return string.Create(CultureInfo.InvariantCulture, $"(?:\\u{high:X4}\\u{low:X4})");
    }
}
