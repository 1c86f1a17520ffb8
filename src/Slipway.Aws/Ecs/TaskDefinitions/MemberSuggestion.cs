namespace Slipway.Aws.Ecs.TaskDefinitions;

/// <summary>The member someone most likely meant: the same name in another case, else the nearest by edit distance.</summary>
internal static class MemberSuggestion
{
    public static string? For(string given, IEnumerable<string> known)
    {
        var candidates = known.ToList();
        var sameLetters = candidates.FirstOrDefault(c => string.Equals(c, given, StringComparison.OrdinalIgnoreCase));
        if (sameLetters is not null)
        {
            return sameLetters;
        }

        var limit = Math.Max(2, given.Length / 3);
        return candidates
            .Select(c => (Name: c, Distance: Distance(given.ToUpperInvariant(), c.ToUpperInvariant())))
            .Where(c => c.Distance <= limit)
            .OrderBy(c => c.Distance)
            .ThenBy(c => c.Name, StringComparer.Ordinal)
            .Select(c => c.Name)
            .FirstOrDefault();
    }

    /// <summary>Levenshtein distance.</summary>
    private static int Distance(string a, string b)
    {
        var previous = new int[b.Length + 1];
        var current = new int[b.Length + 1];
        for (var j = 0; j <= b.Length; j++)
        {
            previous[j] = j;
        }

        for (var i = 1; i <= a.Length; i++)
        {
            current[0] = i;
            for (var j = 1; j <= b.Length; j++)
            {
                var cost = a[i - 1] == b[j - 1] ? 0 : 1;
                current[j] = Math.Min(Math.Min(current[j - 1] + 1, previous[j] + 1), previous[j - 1] + cost);
            }

            (previous, current) = (current, previous);
        }

        return previous[b.Length];
    }
}
