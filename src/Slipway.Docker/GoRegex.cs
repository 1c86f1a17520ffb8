using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace Slipway.Docker;

/// <summary>
/// Compiles a regular expression written for Go's <c>regexp</c> (RE2, Perl flags) into an equivalent .NET
/// <see cref="Regex"/>. moby turns .dockerignore patterns into Go regular expressions and lets <c>[…]</c> and
/// <c>\x</c> through, so the dialect decides what such a pattern means: Go matches runes (not UTF-16 units), its
/// <c>.</c> stops at a newline, <c>^</c>/<c>$</c> are the ends of the text, <c>\d \s \w \b</c> are ASCII,
/// <c>[[:digit:]]</c> and <c>\Q…\E</c> exist, and an unknown escape such as <c>\y</c> is an error.
/// Unicode scripts (<c>\p{Greek}</c>) are not available in .NET and are refused.
/// </summary>
internal sealed class GoRegex
{
    private const int MaxRune = 0x10FFFF;

    private readonly int[] text;
    private int position;

    /// <summary>Set by <see cref="ParseClassEscape"/> when a \p class is malformed.</summary>
    private bool classError;

    private GoRegex(string expression)
    {
        var runes = new List<int>();
        foreach (var rune in expression.EnumerateRunes())
        {
            runes.Add(rune.Value);
        }

        text = [.. runes];
    }

    /// <summary>The .NET regex for <paramref name="expression"/>, or null when Go's regexp.Compile rejects it.</summary>
    public static Regex? Compile(string expression)
    {
        ArgumentNullException.ThrowIfNull(expression);
        var parser = new GoRegex(expression);
        var body = parser.ParseSequence(topLevel: true);
        if (body is null)
        {
            return null;
        }

        try
        {
            return new Regex(body, RegexOptions.CultureInvariant);
        }
        catch (ArgumentException exception)
        {
            throw new NotSupportedException($"Go accepts the regular expression {expression} but Slipway cannot translate it ({exception.Message}); simplify the pattern", exception);
        }
    }

    private bool AtEnd => position >= text.Length;

    private int Peek => text[position];

    /// <summary>A sequence of atoms up to ')' (inside a group) or the end; null on a syntax error.</summary>
    private string? ParseSequence(bool topLevel)
    {
        var output = new StringBuilder();
        var canRepeat = false;
        var repeated = false;
        var lazy = false;
        while (!AtEnd)
        {
            var ch = Peek;
            if (ch == ')')
            {
                if (topLevel)
                {
                    return null;
                }

                break;
            }

            if (ch is '*' or '+' or '?')
            {
                position++;
                if (repeated)
                {
                    // Only one '?' may follow a repetition (it makes it lazy); Go rejects '**', 'x*??' and the like.
                    if (ch != '?' || lazy)
                    {
                        return null;
                    }

                    output.Append('?');
                    lazy = true;
                    continue;
                }

                if (!canRepeat)
                {
                    return null;
                }

                output.Append((char)ch);
                repeated = true;
                continue;
            }

            repeated = false;
            lazy = false;
            canRepeat = true;
            position++;
            string? atom;
            switch (ch)
            {
                case '^':
                    atom = @"\A";
                    break;
                case '$':
                    atom = @"\z";
                    break;
                case '.':
                    atom = Emit(Negate([('\n', '\n')]));
                    break;
                case '(':
                    if (!AtEnd && Peek == '?')
                    {
                        // Flags and named groups: a '(' never comes out of a .dockerignore pattern unescaped.
                        return null;
                    }

                    var inner = ParseSequence(topLevel: false);
                    if (inner is null || AtEnd || Peek != ')')
                    {
                        return null;
                    }

                    position++;
                    atom = "(?:" + inner + ")";
                    break;
                case '[':
                    var cls = ParseClass();
                    atom = cls is null ? null : Emit(cls);
                    break;
                case '\\':
                    atom = ParseEscapeOutsideClass();
                    break;
                case '|':
                    atom = "|";
                    canRepeat = false;
                    break;
                default:
                    atom = Literal(ch);
                    break;
            }

            if (atom is null)
            {
                return null;
            }

            output.Append(atom);
        }

        return output.ToString();
    }

    private string? ParseEscapeOutsideClass()
    {
        if (AtEnd)
        {
            return null;
        }

        var c = Peek;
        switch (c)
        {
            case 'A':
                position++;
                return @"\A";
            case 'z':
                position++;
                return @"\z";
            case 'b':
                position++;
                return $"(?:(?<={Word})(?!{Word})|(?<!{Word})(?={Word}))";
            case 'B':
                position++;
                return $"(?:(?<={Word})(?={Word})|(?<!{Word})(?!{Word}))";
            case 'Q':
                position++;
                var literal = new StringBuilder();
                while (!AtEnd && !(Peek == '\\' && position + 1 < text.Length && text[position + 1] == 'E'))
                {
                    literal.Append(Literal(text[position++]));
                }

                if (!AtEnd)
                {
                    position += 2;
                }

                // An empty \Q\E is nothing; a quantifier after it has nothing to repeat in Go either.
                return literal.Length == 0 ? "" : "(?:" + literal + ")";
        }

        var cls = ParseClassEscape();
        if (cls is not null)
        {
            return cls.Count == 0 && classError ? null : Emit(cls);
        }

        if (classError)
        {
            return null;
        }

        var rune = ParseEscape();
        return rune < 0 ? null : Literal(rune);
    }

    /// <summary>\d \s \w (and negations), \pX \p{…} \PX: a class, or null when the escape is none of these.</summary>
    private List<(int Lo, int Hi)>? ParseClassEscape()
    {
        classError = false;
        var c = Peek;
        switch (c)
        {
            case 'd' or 'D' or 's' or 'S' or 'w' or 'W':
                position++;
                var set = char.ToLowerInvariant((char)c) switch
                {
                    'd' => Digits,
                    's' => PerlSpace,
                    _ => WordChars,
                };
                return char.IsUpper((char)c) ? Negate(set) : [.. set];
            case 'p' or 'P':
                position++;
                var result = ParseUnicodeClass(c == 'P');
                if (result is null)
                {
                    classError = true;
                    return [];
                }

                return result;
            default:
                return null;
        }
    }

    private List<(int Lo, int Hi)>? ParseUnicodeClass(bool negated)
    {
        if (AtEnd)
        {
            return null;
        }

        string name;
        if (Peek == '{')
        {
            var close = Array.IndexOf(text, '}', position);
            if (close < 0)
            {
                return null;
            }

            name = string.Concat(text[(position + 1)..close].Select(char.ConvertFromUtf32));
            position = close + 1;
        }
        else
        {
            name = char.ConvertFromUtf32(text[position++]);
        }

        if (name.StartsWith('^'))
        {
            negated = !negated;
            name = name[1..];
        }

        var set = UnicodeCategorySet(name);
        if (set is null)
        {
            if (name.Length > 0 && char.IsAsciiLetterUpper(name[0]))
            {
                throw new NotSupportedException($"the Unicode class \\p{{{name}}} is a script, which Slipway cannot match as Go does; use a character range instead");
            }

            return null;
        }

        return negated ? Negate(set) : set;
    }

    /// <summary>Go's parseEscape after the backslash: the rune, or -1 for an invalid escape.</summary>
    private int ParseEscape()
    {
        if (AtEnd)
        {
            return -1;
        }

        var c = text[position++];
        switch (c)
        {
            case >= '1' and <= '7' when AtEnd || Peek < '0' || Peek > '7':
                // A single non-zero digit would be a backreference: not supported.
                return -1;
            case >= '0' and <= '7':
                var value = c - '0';
                for (var i = 1; i < 3 && !AtEnd && Peek is >= '0' and <= '7'; i++)
                {
                    value = (value * 8) + text[position++] - '0';
                }

                return value;
            case 'x':
                return ParseHex();
            case 'a':
                return 7;
            case 'f':
                return '\f';
            case 'n':
                return '\n';
            case 'r':
                return '\r';
            case 't':
                return '\t';
            case 'v':
                return '\v';
            default:
                // Escaped punctuation (any ASCII character that is not a letter or digit) is itself.
                return c < 0x80 && !char.IsAsciiLetterOrDigit((char)c) ? c : -1;
        }
    }

    private int ParseHex()
    {
        if (AtEnd)
        {
            return -1;
        }

        if (Peek == '{')
        {
            position++;
            var value = 0;
            var digits = 0;
            while (!AtEnd && Peek != '}')
            {
                var d = HexValue(text[position++]);
                if (d < 0)
                {
                    return -1;
                }

                value = (value * 16) + d;
                digits++;
                if (value > MaxRune)
                {
                    return -1;
                }
            }

            if (AtEnd || digits == 0)
            {
                return -1;
            }

            position++;
            return value;
        }

        if (position + 1 >= text.Length)
        {
            return -1;
        }

        var hi = HexValue(text[position]);
        var lo = HexValue(text[position + 1]);
        if (hi < 0 || lo < 0)
        {
            return -1;
        }

        position += 2;
        return (hi * 16) + lo;
    }

    private static int HexValue(int c) => c switch
    {
        >= '0' and <= '9' => c - '0',
        >= 'a' and <= 'f' => c - 'a' + 10,
        >= 'A' and <= 'F' => c - 'A' + 10,
        _ => -1,
    };

    /// <summary>A bracketed class after its '['; null on a syntax error. Go's ClassNL: a negated class matches '\n'.</summary>
    private List<(int Lo, int Hi)>? ParseClass()
    {
        var set = new List<(int Lo, int Hi)>();
        var negated = false;
        if (!AtEnd && Peek == '^')
        {
            negated = true;
            position++;
        }

        var first = true;
        while (AtEnd || Peek != ']' || first)
        {
            if (AtEnd)
            {
                return null;
            }

            first = false;

            // POSIX classes: [:alpha:], [:^alpha:].
            if (Peek == '[' && position + 2 < text.Length && text[position + 1] == ':')
            {
                var named = ParseNamedClass(out var invalid);
                if (invalid)
                {
                    return null;
                }

                if (named is not null)
                {
                    set.AddRange(named);
                    continue;
                }
            }

            if (Peek == '\\' && position + 1 < text.Length)
            {
                position++;
                var escaped = ParseClassEscape();
                if (escaped is not null)
                {
                    if (classError)
                    {
                        return null;
                    }

                    set.AddRange(escaped);
                    continue;
                }

                position--;
            }

            var lo = ParseClassChar();
            if (lo < 0)
            {
                return null;
            }

            var hi = lo;
            if (position + 1 < text.Length && Peek == '-' && text[position + 1] != ']')
            {
                position++;
                hi = ParseClassChar();
                if (hi < 0 || hi < lo)
                {
                    return null;
                }
            }

            set.Add((lo, hi));
        }

        position++;
        return negated ? Negate(set) : set;
    }

    private int ParseClassChar()
    {
        if (AtEnd)
        {
            return -1;
        }

        if (Peek == '\\')
        {
            position++;
            return ParseEscape();
        }

        return text[position++];
    }

    private List<(int Lo, int Hi)>? ParseNamedClass(out bool invalid)
    {
        invalid = false;
        var close = -1;
        for (var i = position + 2; i + 1 < text.Length; i++)
        {
            if (text[i] == ':' && text[i + 1] == ']')
            {
                close = i;
                break;
            }
        }

        if (close < 0)
        {
            return null;
        }

        var name = string.Concat(text[(position + 2)..close].Select(char.ConvertFromUtf32));
        var negated = name.StartsWith('^');
        if (negated)
        {
            name = name[1..];
        }

        List<(int Lo, int Hi)>? set = name switch
        {
            "alnum" => [('0', '9'), ('A', 'Z'), ('a', 'z')],
            "alpha" => [('A', 'Z'), ('a', 'z')],
            "ascii" => [(0, 0x7F)],
            "blank" => [('\t', '\t'), (' ', ' ')],
            "cntrl" => [(0, 0x1F), (0x7F, 0x7F)],
            "digit" => [('0', '9')],
            "graph" => [('!', '~')],
            "lower" => [('a', 'z')],
            "print" => [(' ', '~')],
            "punct" => [('!', '/'), (':', '@'), ('[', '`'), ('{', '~')],
            "space" => [('\t', '\r'), (' ', ' ')],
            "upper" => [('A', 'Z')],
            "word" => [.. WordChars],
            "xdigit" => [('0', '9'), ('A', 'F'), ('a', 'f')],
            _ => null,
        };

        if (set is null)
        {
            invalid = true;
            return null;
        }

        position = close + 2;
        return negated ? Negate(set) : set;
    }

    private static readonly (int Lo, int Hi)[] Digits = [('0', '9')];
    private static readonly (int Lo, int Hi)[] PerlSpace = [('\t', '\n'), ('\f', '\r'), (' ', ' ')];
    private static readonly (int Lo, int Hi)[] WordChars = [('0', '9'), ('A', 'Z'), ('_', '_'), ('a', 'z')];
    private const string Word = "[0-9A-Za-z_]";

    private static List<(int Lo, int Hi)>? UnicodeCategorySet(string name)
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

    private static List<(int Lo, int Hi)> Negate(IEnumerable<(int Lo, int Hi)> set)
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
    private static string Emit(IEnumerable<(int Lo, int Hi)> set)
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

    private static string Literal(int rune)
    {
        if (rune < 0x10000)
        {
            return string.Create(CultureInfo.InvariantCulture, $"\\u{rune:X4}");
        }

        var (high, low) = Split(rune);
        return string.Create(CultureInfo.InvariantCulture, $"(?:\\u{high:X4}\\u{low:X4})");
    }
}
