using Slipway.Tests.Support;

namespace Slipway.Tests;

public sealed class ExitCodeTests : IDisposable
{
    private readonly TestRepository repository = new();

    private sealed class Deployer : RecordingBuild
    {
        Target Deploy => _ => _.Executes(() =>
        {
            Record(nameof(Deploy));
            throw new TargetFailureException("the deployment did not finish within 10m\nlast event: ...", 4);
        });

        Target Ordinary => _ => _.Executes(() => throw new InvalidOperationException("plain failure"));

        Target Compile => _ => _.Executes(async ct =>
            await Processes.RunAsync(new Slipway.Processes.ProcessSpec("sh", ["-c", "echo 'Build started'; echo 'Program.cs(3,1): error CS1002: ; expected'; echo 'Program.cs(9,1): error CS0103: nope'; exit 1"]), ct));

        Target Cleanup => _ => _.AssuredAfterFailure().After(Deploy).Executes(() => Record(nameof(Cleanup)));
    }

    [Fact]
    public async Task A_target_failure_with_its_own_exit_code_ends_the_build_with_that_code_shown_in_the_summary()
    {
        var build = new Deployer();

        var run = await BuildRun.RunAsync(build, repository, ["Deploy", "Cleanup"]);

        Assert.Equal(4, run.ExitCode);
        Assert.Equal(["Deploy", "Cleanup"], build.Ran);
        Assert.Matches(@"Deploy\s+Failed\s+\S+\s+exit 4: the deployment did not finish within 10m\n", run.Output);
        Assert.Contains("Build failed (exit 4)", run.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_failed_tool_step_is_summarised_by_the_first_line_of_its_errors_not_its_exit_code()
    {
        var run = await BuildRun.RunAsync(new Deployer(), repository, ["Compile"]);

        Assert.Equal(ExitCodes.TargetFailed, run.ExitCode);
        Assert.Matches(@"Compile\s+Failed\s+\S+\s+Program\.cs\(3,1\): error CS1002: ; expected\n", run.Output);
    }

    [Fact]
    public async Task The_first_failure_decides_the_exit_code()
    {
        var run = await BuildRun.RunAsync(new Deployer(), repository, ["Ordinary", "Deploy"]);

        // Ordinary fails first and stops the build: its exit code (1) is the build's.
        Assert.Equal(ExitCodes.TargetFailed, run.ExitCode);
        Assert.Matches(@"Deploy\s+NotRun", run.Output);
    }

    [Fact]
    public async Task On_GitHub_Actions_the_step_summary_shows_the_code_too()
    {
        var summary = repository.Root / "summary.md";

        await BuildRun.RunAsync(new Deployer(), repository, ["Deploy"], new() { ["GITHUB_ACTIONS"] = "true", ["GITHUB_STEP_SUMMARY"] = summary });

        var markdown = summary.ReadAllText();
        Assert.Contains("### Build failed (exit 4)", markdown, StringComparison.Ordinal);
        Assert.Contains("| Deploy | ❌ Failed |", markdown, StringComparison.Ordinal);
        Assert.Contains("exit 4: the deployment did not finish within 10m |", markdown, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(ExitCodes.UsageError)]
    [InlineData(ExitCodes.Cancelled)]
    [InlineData(256)]
    [InlineData(-1)]
    public void The_engine_s_own_codes_cannot_be_claimed_by_a_failure(int code)
    {
        var error = Assert.Throws<ArgumentOutOfRangeException>(() => new TargetFailureException("x", code));

        Assert.Contains("belong to the engine", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void The_inner_exception_and_code_are_kept()
    {
        var inner = new TimeoutException("late");

        var failure = new TargetFailureException("timed out", 3, inner);

        Assert.Equal(3, failure.ExitCode);
        Assert.Same(inner, failure.InnerException);
        Assert.Equal(ExitCodes.TargetFailed, new TargetFailureException("plain").ExitCode);
    }

    public void Dispose() => repository.Dispose();
}
