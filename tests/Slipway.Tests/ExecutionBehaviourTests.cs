using Microsoft.Extensions.Time.Testing;
using Slipway.Output;
using Slipway.Tests.Support;

namespace Slipway.Tests;

/// <summary>
/// What the executor does with failures, Ctrl+C, <c>--target</c> and <c>--verbosity</c>, asserted on the statuses
/// and notes of the summary users read (exactly, with a fixed clock: durations print as 0:00.000).
/// </summary>
public sealed class ExecutionBehaviourTests : IDisposable
{
    private readonly TestRepository repository = new();

    private static FakeTimeProvider Clock()
    {
        var time = new FakeTimeProvider(new DateTimeOffset(2026, 11, 26, 12, 0, 0, TimeSpan.Zero));
        time.SetLocalTimeZone(TimeZoneInfo.Utc);
        return time;
    }

    private static string Lines(params string[] lines) => string.Join(Environment.NewLine, lines);

    /// <summary>The summary table at the end of the output, from its top rule.</summary>
    private static string Summary(string output)
    {
        var lines = output.TrimEnd().Split(Environment.NewLine);
        var header = Array.FindLastIndex(lines, l => l.StartsWith("Target ", StringComparison.Ordinal) && l.Contains("Status", StringComparison.Ordinal));
        return string.Join(Environment.NewLine, lines[(header - 1)..]);
    }

    private sealed class Checks : RecordingBuild
    {
        Target Lint => _ => _.ProceedAfterFailure().Executes(() =>
        {
            Record(nameof(Lint));
            throw new InvalidOperationException("style\nsecond line");
        });

        Target Report => _ => _.DependsOn(Lint).Executes(() => Record(nameof(Report)));

        Target Publish => _ => _.DependsOn(Report).Executes(() => Record(nameof(Publish)));

        Target Compile => _ => _.Executes(() => Record(nameof(Compile)));
    }

    [Fact]
    public async Task A_target_that_proceeds_after_failure_still_keeps_what_depends_on_it_from_running()
    {
        var build = new Checks();

        var run = await BuildRun.RunAsync(build, repository, ["Publish", "Compile"], time: Clock());

        Assert.Equal(ExitCodes.TargetFailed, run.ExitCode);
        Assert.Equal(["Lint", "Compile"], build.Ran);
        Assert.Equal(
            Lines(
                "═══════════════════════════════════════════════════════════",
                "Target   Status     Duration  Note",
                "───────────────────────────────────────────────────────────",
                "Lint     Failed     0:00.000  style",
                "Report   NotRun               dependency Lint failed",
                "Publish  NotRun               dependency Report did not run",
                "Compile  Succeeded  0:00.000",
                "───────────────────────────────────────────────────────────",
                "Total               0:00.000",
                "═══════════════════════════════════════════════════════════",
                "Build failed (exit 1)"),
            Summary(run.Output));
    }

    private sealed class Coded : RecordingBuild
    {
        Target Deploy => _ => _.ProceedAfterFailure().Executes(() => throw new TargetFailureException("the service did not stabilise\nevents follow", 7));

        Target Configure => _ => _.ProceedAfterFailure().Executes(() => throw new UsageException("deploy/environments/x.json: no region"));

        Target Plain => _ => _.ProceedAfterFailure().Executes(() => throw new InvalidOperationException("plain"));

        Target Skippable => _ => _.Executes(() => Record(nameof(Skippable)));
    }

    [Theory]
    [InlineData("Deploy,Configure", 7, "Deploy     Failed     0:00.000  exit 7: the service did not stabilise|Configure  Failed     0:00.000  exit 2: deploy/environments/x.json: no region")]
    [InlineData("Configure,Deploy", 2, "Configure  Failed     0:00.000  exit 2: deploy/environments/x.json: no region|Deploy     Failed     0:00.000  exit 7: the service did not stabilise")]
    [InlineData("Plain,Deploy", 1, "Plain   Failed     0:00.000  plain|Deploy  Failed     0:00.000  exit 7: the service did not stabilise")]
    public async Task The_first_failure_decides_the_exit_code_and_codes_other_than_1_show_in_the_note(string targets, int expected, string rows)
    {
        var run = await BuildRun.RunAsync(new Coded(), repository, targets.Split(','), time: Clock());

        Assert.Equal(expected, run.ExitCode);
        Assert.EndsWith($"Build failed (exit {expected})", Summary(run.Output), StringComparison.Ordinal);
        Assert.Contains(rows.Replace("|", Environment.NewLine, StringComparison.Ordinal) + Environment.NewLine, Summary(run.Output), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_skipped_target_is_logged_with_its_reason_and_does_not_run()
    {
        var build = new Coded();

        var run = await BuildRun.RunAsync(build, repository, ["Skippable", "--skip", "Skippable"], time: Clock());

        Assert.Equal(ExitCodes.Success, run.ExitCode);
        Assert.Empty(build.Ran);
        Assert.Contains("12:00:00 Skipping Skippable: --skip Skippable", run.Output, StringComparison.Ordinal);
        Assert.Contains("Skippable  Skipped              --skip Skippable", Summary(run.Output), StringComparison.Ordinal);
    }

    private sealed class Timed(FakeTimeProvider time) : RecordingBuild
    {
        Target Quick => _ => _.Executes(() => time.Advance(TimeSpan.FromMilliseconds(1500)));

        Target Long => _ => _.Executes(() => time.Advance(new TimeSpan(1, 2, 3)));

        Target Noted => _ => _.Executes(() => ReportSummary(new string('n', 90) + "\nsecond line"));
    }

    [Fact]
    public async Task Durations_read_as_seconds_under_an_hour_and_as_hours_above_and_long_notes_do_not_widen_the_rules_past_80()
    {
        var time = Clock();

        var run = await BuildRun.RunAsync(new Timed(time), repository, ["Quick", "Long", "Noted"], time: time);

        var rule = new string('─', 8 + 11 + 10 + 80);
        Assert.Equal(
            Lines(
                new string('═', rule.Length),
                "Target  Status     Duration  Note",
                rule,
                "Quick   Succeeded  0:01.500",
                "Long    Succeeded  1:02:03",
                "Noted   Succeeded  0:00.000  " + new string('n', 90) + " second line",
                rule,
                "Total              1:02:04",
                new string('═', rule.Length),
                "Build succeeded"),
            Summary(run.Output));
    }

    [Fact]
    public async Task On_GitHub_Actions_the_step_summary_gets_the_same_table_in_markdown()
    {
        var summaryFile = repository.Root / "step-summary.md";
        var environment = new Dictionary<string, string> { ["GITHUB_ACTIONS"] = "true", ["GITHUB_STEP_SUMMARY"] = summaryFile };

        await BuildRun.RunAsync(new Checks(), repository, ["Publish", "Compile"], environment, time: Clock());

        Assert.Equal(
            """
            ### Build failed (exit 1)

            | Target | Status | Duration | Note |
            | --- | --- | --- | --- |
            | Lint | ❌ Failed | 0:00.000 | style |
            | Report | ⏸️ NotRun |  | dependency Lint failed |
            | Publish | ⏸️ NotRun |  | dependency Report did not run |
            | Compile | ✅ Succeeded | 0:00.000 |  |
            | **Total** | | 0:00.000 | |


            """.ReplaceLineEndings("\n"),
            summaryFile.ReadAllText());
    }

    [Fact]
    public async Task Targets_named_with_the_target_option_run_as_if_named_first()
    {
        var build = new Checks();

        var run = await BuildRun.RunAsync(build, repository, ["--target", "Compile"], defaultTargets: ["Publish"], time: Clock());

        Assert.Equal(ExitCodes.Success, run.ExitCode);
        Assert.Equal(["Compile"], build.Ran);
    }

    [Fact]
    public async Task The_target_option_adds_to_targets_named_before_it()
    {
        var build = new Checks();

        await BuildRun.RunAsync(build, repository, ["Compile", "--target", "Lint"], time: Clock());

        Assert.Equal(["Compile", "Lint"], build.Ran.Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task An_unknown_name_given_to_the_target_option_is_a_usage_error()
    {
        var build = new Checks();

        var run = await BuildRun.RunAsync(build, repository, ["--target", "Complie"], time: Clock());

        Assert.Equal(ExitCodes.UsageError, run.ExitCode);
        Assert.Equal("error: Target 'Complie' does not exist. Did you mean 'Compile'? Available targets: Lint, Report, Publish, Compile." + Environment.NewLine, run.Error);
        Assert.Empty(build.Ran);
    }

    [Theory]
    [InlineData("Verbose", true)]
    [InlineData("Normal", false)]
    public async Task A_failure_shows_its_stack_trace_as_debug_lines_only_at_verbose(string verbosity, bool shown)
    {
        var build = new Checks();

        var run = await BuildRun.RunAsync(build, repository, ["Lint", "--verbosity", verbosity], time: Clock());

        Assert.Contains("12:00:00 ERROR: Target Lint failed: style", run.Output, StringComparison.Ordinal);
        Assert.Equal(shown, run.Output.Contains("12:00:00 debug: System.InvalidOperationException: style", StringComparison.Ordinal));
        Assert.Equal(shown, run.Output.Contains($"debug:    at {typeof(ExecutionBehaviourTests).FullName}", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("Quiet", "12:00:00 WARNING: w|12:00:00 ERROR: e")]
    [InlineData("Normal", "12:00:00 i|12:00:00 WARNING: w|12:00:00 ERROR: e")]
    [InlineData("Verbose", "12:00:00 debug: d|12:00:00 i|12:00:00 WARNING: w|12:00:00 ERROR: e")]
    public void Each_verbosity_shows_its_levels_and_the_ones_above(string verbosity, string expected)
    {
        using var writer = new StringWriter();
        var log = new ConsoleLog(writer, new SecretRedactor(), new CiHost(false, false, null), Clock(), Enum.Parse<Verbosity>(verbosity));

        log.Debug("d");
        log.Information("i");
        log.Warning("w");
        log.Error("e");

        Assert.Equal(expected.Replace("|", Environment.NewLine, StringComparison.Ordinal) + Environment.NewLine, writer.ToString());
    }

    private sealed class Interrupted : RecordingBuild
    {
        public TaskCompletionSource Started { get; } = new();

        public TaskCompletionSource<bool> RunningTokenCancelled { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public bool? CleanupTokenCancelled { get; private set; }

        Target Work => _ => _.Executes(async ct =>
        {
            Started.SetResult();
            try
            {
                await Task.Delay(TimeSpan.FromMinutes(1), ct);
                RunningTokenCancelled.SetResult(false);
            }
            catch (OperationCanceledException)
            {
                RunningTokenCancelled.SetResult(ct.IsCancellationRequested);
            }
        });

        Target Cleanup => _ => _.AssuredAfterFailure().After(Work).Executes(async ct =>
        {
            await Task.Delay(TimeSpan.FromMilliseconds(50), ct); // a cleanup that waits: its token must let it
            CleanupTokenCancelled = ct.IsCancellationRequested;
            Record(nameof(Cleanup));
        });
    }

    [Fact]
    public async Task Ctrl_C_cancels_the_running_targets_token_and_an_assured_target_gets_one_that_is_not_cancelled()
    {
        var build = new Interrupted();
        using var abort = new CancellationTokenSource();
        var running = BuildRun.RunAsync(build, repository, ["Work", "Cleanup"], time: Clock(), abort: abort.Token);
        await build.Started.Task.WaitAsync(TimeSpan.FromSeconds(30));

        await abort.CancelAsync();
        var run = await running.WaitAsync(TimeSpan.FromSeconds(30));

        Assert.True(await build.RunningTokenCancelled.Task.WaitAsync(TimeSpan.FromSeconds(30)));
        Assert.Equal(["Cleanup"], build.Ran);
        Assert.False(build.CleanupTokenCancelled);
        Assert.Equal(ExitCodes.Cancelled, run.ExitCode);
        Assert.Equal(
            Lines(
                "══════════════════════════════════════════════════",
                "Target   Status     Duration  Note",
                "──────────────────────────────────────────────────",
                "Work     Aborted    0:00.000  cancelled (Ctrl+C)",
                "Cleanup  Succeeded  0:00.000",
                "──────────────────────────────────────────────────",
                "Total               0:00.000",
                "══════════════════════════════════════════════════",
                "Build cancelled (exit 130)"),
            Summary(run.Output));
    }

    public void Dispose() => repository.Dispose();
}
