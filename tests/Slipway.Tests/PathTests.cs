using Slipway.Tests.Support;

namespace Slipway.Tests;

public sealed class PathTests : IDisposable
{
    private readonly TestRepository repository = new();

    private AbsolutePath Make(string relative)
    {
        var path = repository.Root / relative;
        if (Path.HasExtension(relative))
        {
            path.WriteAllText("x");
        }
        else
        {
            path.CreateDirectory();
        }

        return path;
    }

    [Fact]
    public void GlobDirectories_finds_matches_at_any_depth_and_does_not_search_inside_a_match()
    {
        Make("src/A/bin/Debug");
        Make("src/A/obj");
        Make("src/deep/B/bin");
        Make("src/A/bin/nested/bin");
        Make("src/binary");

        var found = (repository.Root / "src").GlobDirectories("**/bin", "**/obj").Select(p => p.RelativeTo(repository.Root)).ToList();

        Assert.Equal(["src/A/bin", "src/A/obj", "src/deep/B/bin"], found);
    }

    [Fact]
    public void GlobFiles_matches_star_and_question_mark_within_a_name()
    {
        Make("results/a/tests_1.trx");
        Make("results/b/tests_22.trx");
        Make("results/b/notes.txt");

        var star = repository.Root.GlobFiles("results/**/*.trx").Select(p => p.Name).ToList();
        var question = repository.Root.GlobFiles("results/*/tests_?.trx").Select(p => p.Name).ToList();
        var missing = repository.Root.GlobFiles("nowhere/**/*.trx");

        Assert.Equal(["tests_1.trx", "tests_22.trx"], star);
        Assert.Equal(["tests_1.trx"], question);
        Assert.Empty(missing);
    }

    [Fact]
    public void DeleteDirectories_deletes_those_that_exist_and_counts_them()
    {
        var bin = Make("src/A/bin/Debug").Parent!;
        var obj = Make("src/A/obj");

        var deleted = new[] { bin, obj, repository.Root / "never-made" }.DeleteDirectories();

        Assert.Equal(2, deleted);
        Assert.False(bin.DirectoryExists);
        Assert.False(obj.DirectoryExists);
        Assert.True((repository.Root / "src" / "A").DirectoryExists);
    }

    [Fact]
    public void A_rooted_glob_pattern_is_refused() =>
        Assert.Throws<ArgumentException>(() => repository.Root.GlobFiles("/etc/*"));

    public void Dispose() => repository.Dispose();
}
