using Slipway.Execution;
using Slipway.Output;
using Slipway.Processes;
using Slipway.Tests.Support;

namespace Slipway.Tests;

public sealed class RunnerTests : IDisposable
{
    private readonly TestRepository repository = new();

    private sealed class Pipeline : RecordingBuild
    {
        [Parameter("Fail the Test target")]
        public bool BreakTests { get; set; }

        [Parameter("Where to deploy")]
        public string? Environment { get; set; }

        [Parameter("Registry password"), Secret]
        public string? RegistryPassword { get; set; }

        public bool RunPackage { get; set; } = true;

        Target Compile => _ => _.Executes(() => Record(nameof(Compile)));

        Target Test => _ => _
            .DependsOn(Compile)
            .Executes(() =>
            {
                Record(nameof(Test));
                if (BreakTests)
                {
                    throw new InvalidOperationException("3 tests failed\nsecond line");
                }
            });

        Target Package => _ => _.DependsOn(Compile).OnlyWhenDynamic(() => RunPackage).Executes(() => Record(nameof(Package)));

        Target Publish => _ => _.DependsOn(Test).Executes(() => Record(nameof(Publish)));

        Target Deploy => _ => _
            .DependsOn(Publish)
            .Requires(() => Environment)
            .Executes(() => Record(nameof(Deploy)));

        Target Cleanup => _ => _.AssuredAfterFailure().After(Publish, Test).Executes(() => Record(nameof(Cleanup)));

        Target Lint => _ => _.ProceedAfterFailure().Executes(() => throw new InvalidOperationException("style"));

        Target Login => _ => _.Executes(() => Log.Information($"using password {RegistryPassword}"));

        Target Echo => _ => _.Executes(ct => Processes.RunAsync(new ProcessSpec("echo", ["--password", RegistryPassword!]), ct));
    }

    private Task<BuildRun> Run(Pipeline build, params string[] args) => BuildRun.RunAsync(build, repository, args, defaultTargets: ["Test"]);

    [Fact]
    public async Task Without_a_target_the_default_runs()
    {
        var build = new Pipeline();

        var run = await Run(build);

        Assert.Equal(ExitCodes.Success, run.ExitCode);
        Assert.Equal(["Compile", "Test"], build.Ran);
    }

    [Fact]
    public async Task Several_targets_run_in_one_invocation_and_names_are_case_insensitive()
    {
        var build = new Pipeline();

        await Run(build, "compile", "PACKAGE");

        Assert.Equal(["Compile", "Package"], build.Ran);
    }

    [Fact]
    public async Task An_unknown_target_lists_the_available_ones_with_exit_code_2()
    {
        var build = new Pipeline();

        var run = await Run(build, "Tset");

        Assert.Equal(ExitCodes.UsageError, run.ExitCode);
        Assert.Contains("Target 'Tset' does not exist. Did you mean 'Test'? Available targets: Compile, Test, Package", run.Error, StringComparison.Ordinal);
        Assert.Empty(build.Ran);
    }

    [Fact]
    public async Task A_throwing_target_fails_the_build_with_exit_code_1_and_its_error_in_the_summary()
    {
        var build = new Pipeline { BreakTests = true };

        var run = await Run(build, "Publish");

        Assert.Equal(ExitCodes.TargetFailed, run.ExitCode);
        Assert.Equal(["Compile", "Test"], build.Ran);
        Assert.Matches(@"Test\s+Failed\s+\S+\s+3 tests failed\n", run.Output);
        Assert.Matches(@"Publish\s+NotRun\s+build stopped after Test failed", run.Output);
        Assert.Contains("Build failed (exit 1)", run.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_assured_target_runs_after_a_failure()
    {
        var build = new Pipeline { BreakTests = true };

        await Run(build, "Publish", "Cleanup");

        Assert.Equal(["Compile", "Test", "Cleanup"], build.Ran);
    }

    [Fact]
    public async Task ProceedAfterFailure_lets_the_build_go_on_but_still_fails_it()
    {
        var build = new Pipeline();

        var run = await Run(build, "Lint", "Compile");

        Assert.Equal(ExitCodes.TargetFailed, run.ExitCode);
        Assert.Equal(["Compile"], build.Ran);
    }

    [Fact]
    public async Task A_false_dynamic_condition_skips_only_that_target_and_says_why()
    {
        var build = new Pipeline { RunPackage = false };

        var run = await Run(build, "Package");

        Assert.Equal(ExitCodes.Success, run.ExitCode);
        Assert.Equal(["Compile"], build.Ran);
        Assert.Matches(@"Package\s+Skipped\s+OnlyWhenDynamic\(RunPackage\) was false", run.Output);
    }

    [Fact]
    public async Task A_missing_required_parameter_is_a_usage_error_before_anything_runs()
    {
        var build = new Pipeline();

        var run = await Run(build, "Deploy");

        Assert.Equal(ExitCodes.UsageError, run.ExitCode);
        Assert.Contains("Target 'Deploy' requires --environment. Pass --environment <value>, set SLIPWAY_ENVIRONMENT, or add \"Environment\" to .nuke/parameters.json.", run.Error, StringComparison.Ordinal);
        Assert.Empty(build.Ran);
    }

    [Fact]
    public async Task A_requirement_of_a_skipped_target_is_not_checked()
    {
        var build = new Pipeline();

        var run = await Run(build, "Deploy", "--skip", "Deploy");

        Assert.Equal(ExitCodes.Success, run.ExitCode);
        Assert.Equal(["Compile", "Test", "Publish"], build.Ran);
        Assert.Matches(@"Deploy\s+Skipped\s+--skip Deploy", run.Output);
    }

    [Fact]
    public async Task An_unknown_target_after_skip_is_a_usage_error()
    {
        var run = await Run(new Pipeline(), "Test", "--skip", "Compil");

        Assert.Equal(ExitCodes.UsageError, run.ExitCode);
        Assert.Contains("--skip 'Compil' does not exist. Did you mean 'Compile'?", run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Secret_parameters_are_masked_in_log_lines()
    {
        var run = await Run(new Pipeline(), "Login", "--registry-password", "hunter2-secret");

        Assert.Equal(ExitCodes.Success, run.ExitCode);
        Assert.DoesNotContain("hunter2-secret", run.Output, StringComparison.Ordinal);
        Assert.Contains("using password ****", run.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Secret_parameters_are_masked_in_process_command_lines_and_output()
    {
        var run = await Run(new Pipeline(), "Echo", "--registry-password", "hunter2-secret");

        Assert.Equal(ExitCodes.Success, run.ExitCode);
        Assert.DoesNotContain("hunter2-secret", run.Output, StringComparison.Ordinal);
        Assert.Contains("> echo --password ****", run.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Help_lists_targets_with_dependencies_and_parameters_with_values_and_exits_0()
    {
        var build = new Pipeline();

        var run = await Run(build, "--help");

        Assert.Equal(ExitCodes.Success, run.ExitCode);
        Assert.Contains("* Test", run.Output, StringComparison.Ordinal);
        Assert.Matches(@"Publish\s+\(after Test\)", run.Output);
        Assert.Contains("--break-tests", run.Output, StringComparison.Ordinal);
        Assert.Contains("values: true or false (a bare flag means true); default: False; env: SLIPWAY_BREAK_TESTS", run.Output, StringComparison.Ordinal);
        Assert.Contains("--registry-password", run.Output, StringComparison.Ordinal);
        Assert.Contains("default: (secret)", run.Output, StringComparison.Ordinal);
        Assert.Empty(build.Ran);
    }

    [Fact]
    public async Task Plan_prints_a_mermaid_graph_writes_html_and_runs_nothing()
    {
        var build = new Pipeline();

        var run = await Run(build, "Publish", "--plan");

        Assert.Equal(ExitCodes.Success, run.ExitCode);
        Assert.Contains("graph LR", run.Output, StringComparison.Ordinal);
        Assert.Contains("Test --> Publish", run.Output, StringComparison.Ordinal);
        Assert.Contains("Test --&gt; Publish", (repository.Root / ".nuke" / "temp" / "plan.html").ReadAllText(), StringComparison.Ordinal);
        Assert.Empty(build.Ran);
    }

    [Fact]
    public async Task The_plan_page_draws_the_graph_without_the_network()
    {
        await Run(new Pipeline(), "Publish", "--plan");

        var page = (repository.Root / ".nuke" / "temp" / "plan.html").ReadAllText();
        Assert.DoesNotContain("http://cdn", page.Replace("https://", "http://", StringComparison.Ordinal), StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("<script", page, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("<svg", page, StringComparison.Ordinal);
        Assert.Matches(@"<text [^>]*>Publish</text>", page);
        Assert.Matches(@"<text [^>]*>Test</text>", page);
        Assert.Contains("marker-end=\"url(#arrow)\"", page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_schema_of_parameter_files_is_generated()
    {
        await Run(new Pipeline(), "--help");

        var schema = (repository.Root / ".nuke" / "build.schema.json").ReadAllText();
        Assert.Contains("\"BreakTests\"", schema, StringComparison.Ordinal);
        Assert.Contains("\"type\": \"boolean\"", schema, StringComparison.Ordinal);
    }

    [Fact]
    public async Task On_GitHub_Actions_targets_are_grouped_and_the_summary_goes_to_the_step_summary()
    {
        var summaryFile = repository.Root / "summary.md";
        var environment = new Dictionary<string, string> { ["GITHUB_ACTIONS"] = "true", ["GITHUB_STEP_SUMMARY"] = summaryFile };

        var run = await BuildRun.RunAsync(new Pipeline { BreakTests = true }, repository, ["Test"], environment);

        Assert.Contains("::group::Compile", run.Output, StringComparison.Ordinal);
        Assert.Contains("::endgroup::", run.Output, StringComparison.Ordinal);
        Assert.Contains("::error::Target Test failed", run.Output, StringComparison.Ordinal);
        var markdown = summaryFile.ReadAllText();
        Assert.Contains("| Test | ❌ Failed |", markdown, StringComparison.Ordinal);
        Assert.Contains("### Build failed (exit 1)", markdown, StringComparison.Ordinal);
    }

    private sealed class Slow : RecordingBuild, IDisposable
    {
        public TaskCompletionSource Started { get; } = new();

        /// <summary>Holds Stubborn until the test has seen the build give up on it.</summary>
        public ManualResetEventSlim Release { get; } = new();

        public void Dispose() => Release.Dispose();

        Target Wait => _ => _.Executes(async ct =>
        {
            Record(nameof(Wait));
            Started.SetResult();
            await Task.Delay(TimeSpan.FromMinutes(5), ct);
        });

        Target Stubborn => _ => _.Executes(() =>
        {
            Record(nameof(Stubborn));
            Started.SetResult();
            Release.Wait(TimeSpan.FromMinutes(1)); // Ignores cancellation on purpose: blocks until the test lets go.
        });

        Target After => _ => _.After(Wait, Stubborn).Executes(() => Record(nameof(After)));

        Target Cleanup => _ => _.AssuredAfterFailure().After(Wait, Stubborn).Executes(() => Record(nameof(Cleanup)));
    }

    [Theory]
    [InlineData("Wait")]
    [InlineData("Stubborn")]
    public async Task Cancelling_aborts_the_running_target_runs_assured_targets_and_exits_130(string target)
    {
        using var build = new Slow();
        using var abort = new CancellationTokenSource();
        var running = BuildRun.RunAsync(build, repository, [target, "After", "Cleanup"], abort: abort.Token);
        await build.Started.Task.WaitAsync(TimeSpan.FromSeconds(10));

        await abort.CancelAsync();
        var run = await running.WaitAsync(TimeSpan.FromSeconds(2));

        Assert.Equal(ExitCodes.Cancelled, run.ExitCode);
        Assert.Equal([target, "Cleanup"], build.Ran);
        Assert.Matches($@"{target}\s+Aborted", run.Output);
        Assert.Matches(@"After\s+NotRun\s+\S*\s*build was cancelled", run.Output);
        Assert.Contains("Build cancelled (exit 130)", run.Output, StringComparison.Ordinal);
        build.Release.Set();
    }

    private sealed class Fluent : RecordingBuild
    {
        public bool Ready { get; set; }

        Target Steps => _ => _
            .Executes(() => Record("sync"))
            .Executes(async () =>
            {
                await Task.Yield();
                Record("async");
            })
            .Executes(async ct =>
            {
                await Task.Delay(1, ct);
                Record("cancellable");
            });

        Target Hidden => _ => _.Unlisted().Description("secret helper").Executes(() => Record(nameof(Hidden)));

        Target Guarded => _ => _.Requires(() => Ready).Executes(() => Record(nameof(Guarded)));
    }

    [Fact]
    public async Task Several_actions_of_a_target_run_in_order_sync_and_async()
    {
        var build = new Fluent();

        await BuildRun.RunAsync(build, repository, ["Steps"]);

        Assert.Equal(["sync", "async", "cancellable"], build.Ran);
    }

    [Fact]
    public async Task An_unlisted_target_is_hidden_from_help_but_can_be_invoked()
    {
        var help = await BuildRun.RunAsync(new Fluent(), repository, ["--help"]);
        var build = new Fluent();
        var run = await BuildRun.RunAsync(build, repository, ["hidden"]);

        Assert.DoesNotContain("Hidden", help.Output, StringComparison.Ordinal);
        Assert.Equal(ExitCodes.Success, run.ExitCode);
        Assert.Equal(["Hidden"], build.Ran);
    }

    [Fact]
    public async Task A_false_required_condition_is_a_usage_error_that_quotes_it()
    {
        var build = new Fluent();

        var run = await BuildRun.RunAsync(build, repository, ["Guarded"]);

        Assert.Equal(ExitCodes.UsageError, run.ExitCode);
        Assert.Contains("Target 'Guarded' requires Ready, which is false.", run.Error, StringComparison.Ordinal);
        Assert.Empty(build.Ran);
    }

    private sealed class BrokenDefinition : NukeBuild
    {
        Target Broken => throw new InvalidOperationException("no definition here");
    }

    [Fact]
    public async Task A_target_property_that_throws_is_reported_with_exit_code_1()
    {
        var run = await BuildRun.RunAsync(new BrokenDefinition(), repository, ["Broken"]);

        Assert.Equal(ExitCodes.TargetFailed, run.ExitCode);
        Assert.Contains("error: the build could not start: InvalidOperationException: no definition here", run.Error, StringComparison.Ordinal);
    }

    private sealed class ThrowsWhileConstructed : NukeBuild
    {
        private readonly string required = Environment.GetEnvironmentVariable("SLIPWAY_TEST_NEVER_SET_VARIABLE")!.Trim();

        Target Show => _ => _.Executes(() => Log.Information(required));
    }

    [Theory]
    [InlineData("--help")]
    [InlineData("Show")]
    public async Task A_build_class_that_throws_while_constructed_exits_1_with_the_inner_error_and_where_it_was_thrown(string argument)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var runner = new BuildRunner(output, error, new Dictionary<string, string>(), TimeProvider.System) { WorkingDirectory = repository.Root };

        // Activator, as Execute<T>'s new T() does: the constructor's error arrives wrapped in a TargetInvocationException.
        var exitCode = await runner.RunAsync(Activator.CreateInstance<ThrowsWhileConstructed>, [argument], [], CancellationToken.None);

        Assert.Equal(ExitCodes.TargetFailed, exitCode);
        Assert.Matches(@"^error: the build could not start: NullReferenceException: .+ \(at .+RunnerTests\.cs:\d+\)", error.ToString());
        Assert.DoesNotContain("TargetInvocationException", error.ToString(), StringComparison.Ordinal);
    }

    public void Dispose() => repository.Dispose();
}
