using Slipway.Workflows;

namespace Slipway.Tests.Workflows;

/// <summary>The YAML writer keeps every string a string; the diff reads like git's.</summary>
public sealed class YamlAndDiffTests
{
    [Theory]
    [InlineData("true")]
    [InlineData("off")]
    [InlineData("0")]
    [InlineData("1.50")]
    [InlineData("null")]
    [InlineData("~")]
    [InlineData("")]
    [InlineData("!cancelled()")]
    [InlineData("*.json")]
    [InlineData("key: value")]
    [InlineData("# not a comment")]
    public void A_string_that_yaml_would_read_as_something_else_is_quoted_and_reads_back_the_same(string text)
    {
        var yaml = YamlTree.Write(new YamlMap().Add("value", text));
        Assert.NotEqual($"value: {text}\n", yaml);
        Assert.Equal(text, ParsedWorkflow.Parse(yaml).Text("value"));
    }

    [Fact]
    public void Ordinary_strings_expressions_numbers_and_booleans_stay_plain()
    {
        var yaml = YamlTree.Write(new YamlMap()
            .Add("branch", "main")
            .Add("group", "environment-${{ inputs.target }}")
            .Add("depth", 0)
            .Add("cancel", false)
            .Add("long", new string('x', 200)));
        Assert.Equal($"branch: main\ngroup: environment-${{{{ inputs.target }}}}\ndepth: 0\ncancel: false\nlong: {new string('x', 200)}\n", yaml);
    }

    [Fact]
    public void The_diff_shows_changed_lines_with_context_and_hunk_positions()
    {
        var before = string.Join('\n', Enumerable.Range(1, 20).Select(i => $"line {i}")) + "\n";
        var after = before.Replace("line 10\n", "line ten\n", StringComparison.Ordinal).Replace("line 20\n", "line 20\nline 21\n", StringComparison.Ordinal);
        var diff = LineDiff.Unified(before, after, "a/f", "b/f");
        Assert.Equal(
            "--- a/f\n+++ b/f\n"
            + "@@ -7,7 +7,7 @@\n line 7\n line 8\n line 9\n-line 10\n+line ten\n line 11\n line 12\n line 13\n"
            + "@@ -18,3 +18,4 @@\n line 18\n line 19\n line 20\n+line 21\n",
            diff);
    }

    [Fact]
    public void A_missing_file_diffs_as_all_added()
    {
        var diff = LineDiff.Unified(string.Empty, "a\nb\n", "/dev/null", "b/f");
        Assert.Equal("--- /dev/null\n+++ b/f\n@@ -0,0 +1,2 @@\n+a\n+b\n", diff);
    }
}
