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
                    atom = RuneSet.Emit(RuneSet.Negate([('\n', '\n')]));
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
                    atom = cls is null ? null : RuneSet.Emit(cls);
                    break;
                case '\\':
                    atom = ParseEscapeOutsideClass();
                    break;
                case '|':
                    atom = "|";
                    canRepeat = false;
                    break;
                default:
                    atom = RuneSet.Literal(ch);
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
                    literal.Append(RuneSet.Literal(text[position++]));
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
            return cls.Count == 0 && classError ? null : RuneSet.Emit(cls);
        }

        if (classError)
        {
            return null;
        }

        var rune = ParseEscape();
        return rune < 0 ? null : RuneSet.Literal(rune);
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
                return char.IsUpper((char)c) ? RuneSet.Negate(set) : [.. set];
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

        var set = RuneSet.UnicodeCategorySet(name);
        if (set is null)
        {
            if (name.Length > 0 && char.IsAsciiLetterUpper(name[0]))
            {
                throw new NotSupportedException($"the Unicode class \\p{{{name}}} is a script, which Slipway cannot match as Go does; use a character range instead");
            }

            return null;
        }

        return negated ? RuneSet.Negate(set) : set;
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
                if (value > RuneSet.MaxRune)
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
        return negated ? RuneSet.Negate(set) : set;
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
        return negated ? RuneSet.Negate(set) : set;
    }

    private static readonly (int Lo, int Hi)[] Digits = [('0', '9')];
    private static readonly (int Lo, int Hi)[] PerlSpace = [('\t', '\n'), ('\f', '\r'), (' ', ' ')];
    private static readonly (int Lo, int Hi)[] WordChars = [('0', '9'), ('A', 'Z'), ('_', '_'), ('a', 'z')];
    private const string Word = "[0-9A-Za-z_]";
}
