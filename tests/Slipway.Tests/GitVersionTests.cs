using Slipway.Processes;
using Slipway.Tests.Support;
using Slipway.Versioning;

namespace Slipway.Tests;

public sealed class GitVersionTests : IDisposable
{
    private readonly TestRepository repository = new();
    private readonly ProcessRunner runner = new(new ListLog());

    [Theory]
    [InlineData("v1.2.3-0-gabc", "1.2.3")]
    [InlineData("v1.2.3-4-gabc", "1.2.4-alpha.0.4")]
    [InlineData("v2.0.0-rc.1-0-gabc", "2.0.0-rc.1")]
    [InlineData("v2.0.0-rc.1-3-gabc", "2.0.0-rc.1.3")]
    public void A_description_becomes_a_semver_like_MinVer(string description, string expected)
    {
        Assert.True(GitVersion.TryFromDescription(description, out var version));
        Assert.Equal(expected, version);
    }

    [Fact]
    public void A_tag_that_is_not_semver_is_not_used() => Assert.False(GitVersion.TryFromDescription("vnext-2-gabc", out _));

    private async Task Git(params string[] args) =>
        await runner.RunAsync(new ProcessSpec("git", ["-c", "user.name=t", "-c", "user.email=t@example.com", .. args]) { WorkingDirectory = repository.Root });

    private async Task Commit(string message)
    {
        (repository.Root / $"{Guid.NewGuid():N}.txt").WriteAllText(message);
        await Git("add", "-A");
        await Git("commit", "-q", "-m", message);
    }

    [Theory]
    [InlineData("https://x-access-token:ghs_secret@github.com/acme/svc.git", "https://github.com/acme/svc.git")]
    [InlineData("https://github.com/acme/svc", "https://github.com/acme/svc")]
    [InlineData("git@github.com:acme/svc.git", null)]
    [InlineData("", null)]
    public void The_source_url_never_carries_credentials(string remote, string? expected) =>
        Assert.Equal(expected, GitVersion.WithoutCredentials(remote)?.ToString());

    [Fact]
    public async Task The_commit_time_and_source_come_from_git()
    {
        await Git("init", "-q");
        await Git("remote", "add", "origin", "https://user:pass@example.com/acme/svc.git");
        (repository.Root / "a.txt").WriteAllText("a");
        await Git("add", "-A");
        await runner.RunAsync(new ProcessSpec("git", ["-c", "user.name=t", "-c", "user.email=t@example.com", "commit", "-q", "-m", "a"])
        {
            WorkingDirectory = repository.Root,
            Environment = new Dictionary<string, string?> { ["GIT_COMMITTER_DATE"] = "2026-01-02T03:04:05+00:00" },
        });

        var version = await GitVersion.ComputeAsync(runner, repository.Root);

        Assert.Equal(new DateTimeOffset(2026, 1, 2, 3, 4, 5, TimeSpan.Zero), version.CommitTime);
        Assert.Equal(new Uri("https://example.com/acme/svc.git"), version.SourceUrl);
    }

    [Fact]
    public async Task Outside_git_the_version_is_local_and_the_commit_unknown()
    {
        var version = await GitVersion.ComputeAsync(runner, repository.Root);

        Assert.Equal(new BuildVersion("0.0.0-local", "unknown"), version);
    }

    [Fact]
    public async Task Without_a_tag_the_height_counts_every_commit()
    {
        await Git("init", "-q");
        await Commit("one");
        await Commit("two");

        var version = await GitVersion.ComputeAsync(runner, repository.Root);

        Assert.Equal("0.0.0-alpha.0.2", version.SemVer);
        Assert.Matches("^[0-9a-f]{40}$", version.Commit);
        Assert.Equal(12, version.ShortCommit.Length);
    }

    [Fact]
    public async Task On_a_tag_the_version_is_the_tag_and_after_it_the_next_patch_prerelease()
    {
        await Git("init", "-q");
        await Commit("one");
        await Git("tag", "v1.4.0");

        Assert.Equal("1.4.0", (await GitVersion.ComputeAsync(runner, repository.Root)).SemVer);

        await Commit("two");
        Assert.Equal("1.4.1-alpha.0.1", (await GitVersion.ComputeAsync(runner, repository.Root)).SemVer);
    }

    public void Dispose() => repository.Dispose();
}
