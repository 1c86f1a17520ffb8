namespace Slipway.Docker;

/// <summary>
/// Go's <c>path/filepath.Match</c> with <c>/</c> as the separator and <c>\</c> as the escape (Unix), including
/// its <c>ErrBadPattern</c> cases. moby's pattern matcher asks it only one question, "is this pattern well
/// formed?" (by matching the pattern against <c>.</c>), so that question is what matters here: <c>[]a]</c>,
/// <c>[-]</c>, <c>[x-]</c>, <c>[a-b-c]</c>, an unclosed <c>[</c> and a trailing <c>\</c> are all malformed, and
/// Go reports them even when the match fails early.
/// </summary>
internal static class GoFilePathMatch
{
    /// <summary>True when <paramref name="pattern"/> is a well-formed filepath.Match pattern.</summary>
    public static bool IsWellFormed(string pattern) => Match(pattern, ".", out var bad) || !bad;

    /// <summary>filepath.Match: whether <paramref name="name"/> matches; <paramref name="badPattern"/> is Go's ErrBadPattern.</summary>
    public static bool Match(string pattern, string name, out bool badPattern)
    {
        ArgumentNullException.ThrowIfNull(pattern);
        ArgumentNullException.ThrowIfNull(name);
        badPattern = false;
        var p = Runes(pattern);
        var s = Runes(name);
        int pi = 0, si = 0;
        while (pi < p.Length)
        {
            var (star, chunkStart, chunkEnd) = ScanChunk(p, ref pi);
            if (star && chunkStart == chunkEnd)
            {
                // A trailing '*' matches the rest of the name unless it holds a separator.
                return Array.IndexOf(s, '/', si) < 0;
            }

            var (rest, ok, bad) = MatchChunk(p, chunkStart, chunkEnd, s, si);
            if (ok && (rest == s.Length || pi < p.Length))
            {
                si = rest;
                continue;
            }

            if (bad)
            {
                badPattern = true;
                return false;
            }

            if (star)
            {
                var matchedLater = false;
                for (var i = si; i < s.Length && s[i] != '/'; i++)
                {
                    (rest, ok, bad) = MatchChunk(p, chunkStart, chunkEnd, s, i + 1);
                    if (ok)
                    {
                        if (pi == p.Length && rest < s.Length)
                        {
                            continue;
                        }

                        si = rest;
                        matchedLater = true;
                        break;
                    }

                    if (bad)
                    {
                        badPattern = true;
                        return false;
                    }
                }

                if (matchedLater)
                {
                    continue;
                }
            }

            // Before answering "no", Go checks that the rest of the pattern is well formed.
            while (pi < p.Length)
            {
                var (_, start, end) = ScanChunk(p, ref pi);
                if (MatchChunk(p, start, end, [], 0).Bad)
                {
                    badPattern = true;
                    return false;
                }
            }

            return false;
        }

        return si == s.Length;
    }

    private static int[] Runes(string text)
    {
        var runes = new List<int>(text.Length);
        foreach (var rune in text.EnumerateRunes())
        {
            runes.Add(rune.Value);
        }

        return [.. runes];
    }

    /// <summary>Go's scanChunk: leading stars, then everything up to the next unbracketed star.</summary>
    private static (bool Star, int Start, int End) ScanChunk(int[] p, ref int pi)
    {
        var star = false;
        while (pi < p.Length && p[pi] == '*')
        {
            pi++;
            star = true;
        }

        var start = pi;
        var inRange = false;
        var i = pi;
        for (; i < p.Length; i++)
        {
            if (p[i] == '\\')
            {
                // Skip the escaped character (a trailing '\' is caught when the chunk is matched).
                if (i + 1 < p.Length)
                {
                    i++;
                }
            }
            else if (p[i] == '[')
            {
                inRange = true;
            }
            else if (p[i] == ']')
            {
                inRange = false;
            }
            else if (p[i] == '*' && !inRange)
            {
                break;
            }
        }

        pi = i;
        return (star, start, i);
    }

    /// <summary>Go's matchChunk: keeps parsing after a failed match so that malformed classes are still reported.</summary>
    private static (int Next, bool Ok, bool Bad) MatchChunk(int[] p, int c, int end, int[] s, int si)
    {
        var failed = false;
        while (c < end)
        {
            if (!failed && si == s.Length)
            {
                failed = true;
            }

            switch (p[c])
            {
                case '[':
                    var r = 0;
                    if (!failed)
                    {
                        r = s[si++];
                    }

                    c++;
                    var negated = c < end && p[c] == '^';
                    if (negated)
                    {
                        c++;
                    }

                    var match = false;
                    var ranges = 0;
                    while (true)
                    {
                        if (c < end && p[c] == ']' && ranges > 0)
                        {
                            c++;
                            break;
                        }

                        if (!GetEscaped(p, ref c, end, out var lo))
                        {
                            return (0, false, true);
                        }

                        var hi = lo;
                        if (p[c] == '-')
                        {
                            c++;
                            if (!GetEscaped(p, ref c, end, out hi))
                            {
                                return (0, false, true);
                            }
                        }

                        if (lo <= r && r <= hi)
                        {
                            match = true;
                        }

                        ranges++;
                    }

                    if (match == negated)
                    {
                        failed = true;
                    }

                    break;

                case '?':
                    if (!failed)
                    {
                        if (s[si] == '/')
                        {
                            failed = true;
                        }

                        si++;
                    }

                    c++;
                    break;

                default:
                    if (p[c] == '\\')
                    {
                        c++;
                        if (c == end)
                        {
                            return (0, false, true);
                        }
                    }

                    if (!failed)
                    {
                        if (p[c] != s[si])
                        {
                            failed = true;
                        }

                        si++;
                    }

                    c++;
                    break;
            }
        }

        return failed ? (0, false, false) : (si, true, false);
    }

    /// <summary>Go's getEsc: one possibly escaped character of a class; false for ErrBadPattern.</summary>
    private static bool GetEscaped(int[] p, ref int c, int end, out int rune)
    {
        rune = 0;
        if (c == end || p[c] == '-' || p[c] == ']')
        {
            return false;
        }

        if (p[c] == '\\')
        {
            c++;
            if (c == end)
            {
                return false;
            }
        }

        rune = p[c];
        c++;

        // A class must be followed by more pattern (at least its closing ']').
        return c != end;
    }
}
