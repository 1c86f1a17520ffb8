using System.Diagnostics;
using Microsoft.Extensions.Time.Testing;
using Slipway.Tests.Support;

namespace Slipway.Tests;

/// <summary>What the engine hands every build: the clock, the step summary, the actor, the dotnet CLI.</summary>
public sealed class BuildServicesTests : IDisposable
{
    private readonly TestRepository repository = new();

    private sealed class Services : RecordingBuild
    {
        public FakeTimeProvider? Clock { get; init; }

        public TimeProvider? SeenClock { get; private set; }

        public string? SeenActor { get; private set; }

        Target Slow => _ => _.Executes(() =>
        {
            SeenClock = TimeProvider;
            Clock?.Advance(TimeSpan.FromSeconds(42));
        });

        Target Report => _ => _.Executes(() =>
        {
            StepSummary.WriteMarkdown("## Deployed\n| env | version |\n| --- | --- |\n| local | 1.2.3 |");
            StepSummary.WriteText("*not bold* and a | pipe");
        });

        Target Who => _ => _.Executes(() => SeenActor = Actor);

        Target Sdk => _ => _.Executes(async ct =>
        {
            var result = await DotNet.RunAsync("--version", s => s, ct);
            Record(result.StandardOutput.Trim());
        });
    }

    [Fact]
    public async Task Durations_in_the_summary_come_from_the_build_s_clock()
    {
        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 11, 28, 3, 0, 0, TimeSpan.Zero));
        var build = new Services { Clock = clock };

        var run = await BuildRun.RunAsync(build, repository, ["Slow"], time: clock);

        Assert.Same(clock, build.SeenClock);
        Assert.Matches(@"Slow\s+Succeeded\s+0:42\.000", run.Output);
        Assert.Matches(@"Total\s+0:42\.000", run.Output);
    }

    [Fact]
    public async Task Locally_the_step_summary_is_a_file_under_nuke_temp_that_each_build_starts_afresh()
    {
        var file = repository.Root / ".nuke" / "temp" / "summary.md";

        await BuildRun.RunAsync(new Services(), repository, ["Report"]);
        await BuildRun.RunAsync(new Services(), repository, ["Report"]);

        var markdown = file.ReadAllText();
        Assert.Single(System.Text.RegularExpressions.Regex.Matches(markdown, "## Deployed"));
        Assert.Contains("| local | 1.2.3 |", markdown, StringComparison.Ordinal);
        Assert.Contains(@"\*not bold\* and a \| pipe", markdown, StringComparison.Ordinal);
        Assert.Contains("### Build succeeded", markdown, StringComparison.Ordinal);
    }

    [Fact]
    public async Task On_GitHub_Actions_the_step_summary_is_appended_to_the_job_s_file()
    {
        var file = repository.Root / "job-summary.md";
        file.WriteAllText("earlier step\n");

        await BuildRun.RunAsync(new Services(), repository, ["Report"], new() { ["GITHUB_ACTIONS"] = "true", ["GITHUB_STEP_SUMMARY"] = file });

        var markdown = file.ReadAllText();
        Assert.StartsWith("earlier step\n", markdown, StringComparison.Ordinal);
        Assert.Contains("## Deployed", markdown, StringComparison.Ordinal);
        Assert.False((repository.Root / ".nuke" / "temp" / "summary.md").FileExists);
    }

    [Fact]
    public async Task On_CI_the_actor_is_the_CI_s_actor()
    {
        var build = new Services();

        await BuildRun.RunAsync(build, repository, ["Who"], new() { ["GITHUB_ACTIONS"] = "true", ["GITHUB_ACTOR"] = "octocat" });

        Assert.Equal("octocat", build.SeenActor);
    }

    [Fact]
    public async Task Locally_the_actor_is_the_repository_s_git_identity()
    {
        Git("init", "-q");
        Git("config", "user.name", "Ada Lovelace");
        Git("config", "user.email", "ada@example.invalid");
        var build = new Services();

        // GITHUB_ACTOR outside CI does not count: a developer's shell may carry it from elsewhere.
        await BuildRun.RunAsync(build, repository, ["Who"], new() { ["GITHUB_ACTOR"] = "someone-else" });

        Assert.Equal("Ada Lovelace <ada@example.invalid>", build.SeenActor);
    }

    [Fact]
    public async Task The_dotnet_CLI_is_wired_to_the_build_s_processes()
    {
        var build = new Services();

        var run = await BuildRun.RunAsync(build, repository, ["Sdk"]);

        Assert.Equal(ExitCodes.Success, run.ExitCode);
        Assert.Matches(@"^\d+\.\d+\.\d+", Assert.Single(build.Ran));
        Assert.Contains("> dotnet --version", run.Output, StringComparison.Ordinal);
    }

    private void Git(params string[] args)
    {
        var start = new ProcessStartInfo("git") { WorkingDirectory = repository.Root, RedirectStandardError = true, RedirectStandardOutput = true };
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        using var process = Process.Start(start)!;
        process.WaitForExit();
        Assert.Equal(0, process.ExitCode);
    }

    public void Dispose() => repository.Dispose();
}
