namespace Slipway.Docker.Tests;

/// <summary>
/// .dockerignore semantics as Docker documents them (docs.docker.com "Build context", .dockerignore) and as
/// moby's patternmatcher implements them.
/// </summary>
public sealed class DockerIgnoreTests
{
    [Theory]
    // The documentation's example: '*' stays within one directory level.
    [InlineData("*/temp*", "somedir/temporary.txt", true)]
    [InlineData("*/temp*", "somedir/temp", true)]
    [InlineData("*/temp*", "temporary.txt", false)]
    [InlineData("*/temp*", "a/b/temporary.txt", false)]
    [InlineData("*/*/temp*", "somedir/subdir/temporary.txt", true)]
    [InlineData("*/*/temp*", "somedir/temporary.txt", false)]
    // '?' is exactly one character, never '/'.
    [InlineData("temp?", "tempa", true)]
    [InlineData("temp?", "temp", false)]
    [InlineData("temp?", "tempab", false)]
    [InlineData("a?b", "a/b", false)]
    // '**' is any number of directories, including none.
    [InlineData("**/*.go", "main.go", true)]
    [InlineData("**/*.go", "cmd/tool/main.go", true)]
    [InlineData("**/*.go", "main.golden", false)]
    [InlineData("a/**/b", "a/b", true)]
    [InlineData("a/**/b", "a/x/y/b", true)]
    [InlineData("a/**/b", "a/x/y/c", false)]
    [InlineData("a/**", "a/x/y", true)]
    [InlineData("a/**", "ab", false)]
    [InlineData("**", "anything/at/all", true)]
    // A root-level pattern: '*.md' does not reach into directories.
    [InlineData("*.md", "README.md", true)]
    [InlineData("*.md", "docs/guide.md", false)]
    // A match on a parent directory excludes everything below it.
    [InlineData("build", "build/out/app.dll", true)]
    [InlineData("build/", "build/out/app.dll", true)]
    [InlineData("build", "builder/app.dll", false)]
    [InlineData("*/obj", "src/obj/x/y.cache", true)]
    // Paths are cleaned: a leading '/', './', '..' and doubled slashes change nothing.
    [InlineData("/rooted.txt", "rooted.txt", true)]
    [InlineData("/rooted.txt", "sub/rooted.txt", false)]
    [InlineData("./a//b/../c", "a/c", true)]
    // Character classes and escapes pass through to the matcher.
    [InlineData("[a-c].txt", "b.txt", true)]
    [InlineData("[a-c].txt", "d.txt", false)]
    [InlineData(@"star\*.txt", "star*.txt", true)]
    [InlineData(@"star\*.txt", "starX.txt", false)]
    // Regex characters are literal.
    [InlineData("a+b(1).txt", "a+b(1).txt", true)]
    [InlineData("a.txt", "aXtxt", false)]
    public void Single_pattern_matches_as_docker_documents(string pattern, string path, bool excluded)
    {
        Assert.Equal(excluded, DockerIgnore.Parse(pattern).IsExcluded(path));
    }

    [Theory]
    // The documentation's exception examples: the last matching line wins.
    [InlineData("*.md\n!README.md", "README.md", false)]
    [InlineData("*.md\n!README.md", "CHANGES.md", true)]
    [InlineData("*.md\n!README*.md\nREADME-secret.md", "README-secret.md", true)]
    [InlineData("*.md\n!README*.md\nREADME-secret.md", "README-public.md", false)]
    [InlineData("*.md\nREADME-secret.md\n!README*.md", "README-secret.md", false)]
    // Re-including a file inside an excluded directory.
    [InlineData("secrets\n!secrets/public.pem", "secrets/public.pem", false)]
    [InlineData("secrets\n!secrets/public.pem", "secrets/key.pem", true)]
    [InlineData("**\n!src", "src/app.cs", false)]
    [InlineData("**\n!src", "docs/a.md", true)]
    [InlineData("!keep\nkeep", "keep", true)]
    public void Patterns_apply_in_order_and_the_last_match_decides(string rules, string path, bool excluded)
    {
        Assert.Equal(excluded, DockerIgnore.Parse(rules).IsExcluded(path));
    }

    [Fact]
    public void Comments_blank_lines_whitespace_and_a_bom_are_not_patterns()
    {
        var ignore = DockerIgnore.Parse("\uFEFF# a comment\r\n\r\n   \n  spaced.txt  \r\n #hash\n");

        Assert.False(ignore.IsExcluded("# a comment"));
        Assert.True(ignore.IsExcluded("spaced.txt"));

        // Only a '#' in the first column starts a comment; after trimming, " #hash" is a pattern.
        Assert.True(ignore.IsExcluded("#hash"));
    }

    [Fact]
    public void Empty_rules_exclude_nothing()
    {
        Assert.False(DockerIgnore.Empty.IsExcluded("anything"));
        Assert.False(DockerIgnore.Parse("").IsExcluded("anything"));
    }

    [Fact]
    public void A_lone_exclamation_mark_is_an_illegal_pattern()
    {
        Assert.Throws<FormatException>(() => DockerIgnore.Parse("!\n"));
    }

    [Theory]
    [InlineData("secrets\n!secrets/public.pem", "secrets", true)]
    [InlineData("secrets\n!secrets/deeper/public.pem", "secrets", true)]
    [InlineData("secrets\n!secrets", "secrets", true)]
    [InlineData("secrets\n!other/public.pem", "secrets", false)]
    // Docker's walker only looks at the pattern text: '**/x' cannot reopen an excluded directory.
    [InlineData("secrets\n!**/public.pem", "secrets", false)]
    [InlineData("secrets", "secrets", false)]
    public void Excluded_directory_is_walked_only_when_an_exception_names_something_in_it(string rules, string directory, bool walked)
    {
        Assert.Equal(walked, DockerIgnore.Parse(rules).MayReincludeBelow(directory));
    }

    [Theory]
    // Docker's fast paths: '**' followed by no other wildcard is a plain suffix test, a pattern without
    // wildcards a plain string comparison, 'abc**' a prefix test.
    [InlineData("**.log", "a.log", true)]
    [InlineData("**.log", "dir/xa.log", true)]
    [InlineData("**file", "xfile", true)]
    [InlineData("**/file", "xfile", false)]
    [InlineData("**/file", "file", true)]
    [InlineData("^foo", "^foo", true)]
    [InlineData("^foo", "foo", false)]
    [InlineData("a**", "abc/d", true)]
    // Beyond the fast paths the pattern is a Go regular expression: '^' anchors, POSIX classes and \d exist,
    // '?' is one code point, and '.' (from '**') stops at a newline while a class does not.
    [InlineData("^foo*", "foobar", true)]
    [InlineData("[[:digit:]].txt", "1.txt", true)]
    [InlineData("\\d.txt", "1.txt", true)]
    [InlineData("\\d.txt", "\u0661.txt", false)]
    [InlineData("?.txt", "\U0001F600.txt", true)]
    [InlineData("a[^a]b", "a\U0001F600b", true)]
    [InlineData("new*", "new\nline", true)]
    [InlineData("*/**", "logs/new\nline", false)]
    [InlineData("*/**", "logs/newline", true)]
    [InlineData("a*", "ab\n", true)]
    [InlineData("\\Q*", "*", false)]
    // '[' opens a class that swallows the start of what '*' becomes: "star[[^/]*]\.txt" in Go.
    [InlineData("star[*].txt", "star*.txt", false)]
    [InlineData("star[*].txt", "star^^].txt", true)]
    public void Patterns_mean_what_they_mean_to_docker(string pattern, string path, bool excluded)
    {
        Assert.Equal(excluded, DockerIgnore.Parse(pattern).IsExcluded(path));
    }

    [Theory]
    [InlineData("*.log\n[]a]", 2, "syntax error in pattern")]
    [InlineData("[-x]", 1, "syntax error in pattern")]
    [InlineData("# c\n\nsecrets\\   ", 3, "syntax error in pattern")]
    [InlineData("*.md\n!", 2, "illegal exclusion pattern: \"!\"")]
    [InlineData("!/", 1, "illegal exclusion pattern: \"!\"")]
    public void Docker_refuses_malformed_lines_and_the_error_names_the_line(string rules, int line, string dockerMessage)
    {
        var error = Assert.Throws<FormatException>(() => DockerIgnore.Parse(rules));

        Assert.StartsWith(dockerMessage, error.Message, StringComparison.Ordinal);
        Assert.Contains($".dockerignore line {line}", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_pattern_that_is_no_go_regular_expression_is_refused_when_it_is_first_used()
    {
        var ignore = DockerIgnore.Parse("docs\n\\y*");

        var error = Assert.Throws<FormatException>(() => ignore.IsExcluded("file"));

        Assert.StartsWith("syntax error in pattern", error.Message, StringComparison.Ordinal);
        Assert.Contains("line 2", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    // The CLI's walker takes a parent's result as it is: an exception that matched the parent does not
    // re-include a child that a later pattern names, and a pattern the parent did not reach is tried anew.
    [InlineData("**/*.md\n!docs", "docs/a.md", true)]
    [InlineData("a/b\n!a", "a/b", true)]
    [InlineData("a\n!a/keep\na", "a/keep", false)]
    [InlineData("a\n!a/keep\na", "a/other", true)]
    public void The_walker_decides_a_child_from_its_parents_results(string rules, string path, bool excluded)
    {
        var ignore = DockerIgnore.Parse(rules);
        var parent = path[..path.IndexOf('/', StringComparison.Ordinal)];
        var (_, parentMatched) = ignore.IsExcludedGivenParent(parent, null);

        Assert.Equal(excluded, ignore.IsExcludedGivenParent(path, parentMatched).Excluded);
    }
}
