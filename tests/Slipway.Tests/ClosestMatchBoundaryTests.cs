using Slipway.Text;

namespace Slipway.Tests;

/// <summary>"Did you mean": the edit distance itself, and where a typo stops being small enough to suggest.</summary>
public sealed class ClosestMatchBoundaryTests
{
    [Theory]
    [InlineData("kitten", "sitting", 3)]
    [InlineData("", "abc", 3)]
    [InlineData("abc", "", 3)]
    [InlineData("same", "same", 0)]
    [InlineData("flaw", "lawn", 2)]
    [InlineData("ab", "ba", 2)]
    public void The_distance_counts_inserts_deletes_and_substitutions(string a, string b, int expected)
    {
        Assert.Equal(expected, ClosestMatch.Distance(a, b));
        Assert.Equal(expected, ClosestMatch.Distance(b, a));
    }

    [Theory]
    [InlineData("ab", "abcd", "abcd")] // 2 edits: a short word may be off by two
    [InlineData("ab", "abcde", null)] // 3 edits: too far
    [InlineData("abcdefghijkl", "abcdefghixyz", "abcdefghixyz")] // 3 edits in 12 characters (a third, rounded down, is 4)
    [InlineData("abcdefghijkl", "abcdefghwxyz", "abcdefghwxyz")] // 4 edits: still within a third
    [InlineData("abcdefghijkl", "abcdefgvwxyz", null)] // 5 edits: beyond a third
    public void A_suggestion_is_made_only_within_two_edits_or_a_third_of_the_word(string input, string candidate, string? expected)
    {
        Assert.Equal(expected, ClosestMatch.Find(input, [candidate]));
    }

    [Fact]
    public void The_nearest_candidate_wins_whatever_the_order_and_case()
    {
        Assert.Equal("Publish", ClosestMatch.Find("PUBLSH", ["Push", "Publish", "Polish"]));
        Assert.Equal("Publish", ClosestMatch.Find("publsh", ["Polish", "Publish"]));
        Assert.Null(ClosestMatch.Find("anything", []));
    }
}
