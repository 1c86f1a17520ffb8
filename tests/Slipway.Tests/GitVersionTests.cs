using Slipway.Output;
using Slipway.Processes;
using Slipway.Tests.Support;
using Slipway.Tests.Versioning;
using Slipway.Versioning;

namespace Slipway.Tests;

/// <summary>What the build's versioning adds on top of MinVer: commit, time, source, warnings, tag forms.</summary>
public sealed class GitVersionTests : IDisposable
{
    private static readonly AbsolutePath SlipwayRoot = AbsolutePath.Create(RepositoryRoot.Find());

    private readonly GitSandbox sandbox = new();
    private readonly ListLog log = new();
    private readonly ProcessRunner runner;

    public GitVersionTests()
    {
        runner = new ProcessRunner(log);
    }

    private Task<BuildVersion> Compute() =>
        GitVersion.ComputeAsync(runner, sandbox.Versioned, new MinVerTasks(runner, SlipwayRoot), MinVerSettings.Default);

    [Theory]
    [InlineData("https://x-access-token:ghs_secret@github.com/acme/svc.git", "https://github.com/acme/svc.git")]
    [InlineData("https://github.com/acme/svc", "https://github.com/acme/svc")]
    [InlineData("https://github.com/acme/svc.git?token=abc", "https://github.com/acme/svc.git")]
    [InlineData("git@github.com:acme/svc.git", null)]
    [InlineData("", null)]
    public void The_source_url_never_carries_credentials(string remote, string? expected) =>
        Assert.Equal(expected, GitVersion.WithoutCredentials(remote)?.ToString());

    [Fact]
    public async Task The_commit_its_time_and_the_source_come_from_git()
    {
        await sandbox.Init();
        await sandbox.Git("remote", "add", "origin", "https://user:pass@example.com/acme/svc.git");
        (sandbox.Main / "a.txt").WriteAllText("a");
        await sandbox.Git("add", "-A");
        await runner.RunAsync(new ProcessSpec("git", ["-c", "user.name=t", "-c", "user.email=t@example.com", "commit", "-q", "-m", "a"])
        {
            WorkingDirectory = sandbox.Main,
            Environment = new Dictionary<string, string?> { ["GIT_COMMITTER_DATE"] = "2026-01-02T03:04:05+00:00" },
        });
        await sandbox.Tag("v1.4.0");

        var version = await Compute();

        Assert.Equal("1.4.0", version.SemVer);
        Assert.Equal(await sandbox.Output("rev-parse", "HEAD"), version.Commit);
        Assert.Equal(12, version.ShortCommit.Length);
        Assert.Equal(new DateTimeOffset(2026, 1, 2, 3, 4, 5, TimeSpan.Zero), version.CommitTime);
        Assert.Equal(new Uri("https://example.com/acme/svc.git"), version.SourceUrl);
        Assert.Empty(version.Warnings);
        Assert.Equal($"1.4.0+{version.Commit}", version.InformationalVersion);
    }

    [Fact]
    public async Task Outside_git_it_says_so_with_the_version_that_results()
    {
        var version = await Compute();

        Assert.Equal("0.0.0-alpha.0", version.SemVer);
        Assert.Equal(BuildVersion.UnknownCommit, version.Commit);
        Assert.Null(version.CommitTime);
        Assert.Equal("0.0.0-alpha.0", version.InformationalVersion);
        var warning = Assert.Single(version.Warnings);
        Assert.Contains("Outside git", warning, StringComparison.Ordinal);
        Assert.Contains(sandbox.Versioned, warning, StringComparison.Ordinal);
        Assert.Contains("0.0.0-alpha.0", warning, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_shallow_clone_is_detected_and_the_fix_named()
    {
        await sandbox.Init();
        await sandbox.Commit();
        await sandbox.Tag("v1.0.0");
        await sandbox.Commits(2);
        await sandbox.ShallowClone(1);

        var version = await Compute();

        var warning = Assert.Single(version.Warnings);
        Assert.Contains("Shallow clone", warning, StringComparison.Ordinal);
        Assert.Contains("fetch-depth: 0", warning, StringComparison.Ordinal);
        Assert.Contains("git fetch --unshallow --tags", warning, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_entry_with_a_log_uses_the_repositorys_own_tool_manifest_and_writes_the_warnings_there()
    {
        (sandbox.Versioned / ".config").CreateDirectory();
        File.Copy(SlipwayRoot / ".config" / "dotnet-tools.json", sandbox.Versioned / ".config" / "dotnet-tools.json");

        var version = await GitVersion.ComputeAsync(runner, sandbox.Versioned, log, CancellationToken.None);

        Assert.Equal("0.0.0-alpha.0", version.SemVer);
        Assert.Contains(log.Entries, l => l.Level == LogLevel.Warning && l.Message.StartsWith("Outside git", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("1.2.3", "1.2.3")]
    [InlineData("1.2.4-alpha.0.3", "1.2.4-alpha.0.3")]
    [InlineData("1.0.0+build.5", "1.0.0_build.5")]
    public void The_docker_tag_is_the_version_without_a_plus(string semVer, string tag)
    {
        var version = new BuildVersion(semVer, "0123456789abcdef0123456789abcdef01234567");

        Assert.Equal(tag, version.DockerTag);
        Assert.Matches("^[A-Za-z0-9_][A-Za-z0-9_.-]{0,127}$", version.DockerTag);
    }

    [Theory]
    [InlineData("1.2.3", "1.2.3+0123456789abcdef0123456789abcdef01234567")]
    [InlineData("1.0.0+build.5", "1.0.0+build.5.0123456789abcdef0123456789abcdef01234567")]
    public void The_informational_version_is_written_as_the_sdk_writes_it(string semVer, string informational) =>
        Assert.Equal(informational, new BuildVersion(semVer, "0123456789abcdef0123456789abcdef01234567").InformationalVersion);

    public void Dispose() => sandbox.Dispose();
}
