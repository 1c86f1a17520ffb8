using Slipway.Output;
using Slipway.Processes;
using Slipway.Tests.Support;

namespace Slipway.Tests;

/// <summary>
/// Triggers order the targets they trigger (whatever the declaration order), a process's output reaches the log
/// line by line at its level and its stdin is closed, and paths are equal only when they are the same path.
/// </summary>
public sealed class OrderingProcessAndPathTests : IDisposable
{
    private readonly TestRepository repository = new();

    private sealed class Triggered : RecordingBuild
    {
        // Declared before the targets that trigger them: only the triggers can put them after.
        Target Announce => _ => _.TriggeredBy(Release).Executes(() => Record(nameof(Announce)));

        Target Archive => _ => _.Executes(() => Record(nameof(Archive)));

        Target Release => _ => _.Triggers(Archive).Executes(() => Record(nameof(Release)));
    }

    [Fact]
    public async Task Triggered_targets_run_after_their_trigger_even_when_named_first()
    {
        var build = new Triggered();

        var run = await BuildRun.RunAsync(build, repository, ["Announce", "Archive", "Release"]);

        Assert.Equal(ExitCodes.Success, run.ExitCode);
        Assert.Equal(["Release", "Announce", "Archive"], build.Ran);
    }

    [Fact]
    public async Task A_trigger_plans_what_it_triggers()
    {
        var build = new Triggered();

        await BuildRun.RunAsync(build, repository, ["Release"]);

        Assert.Equal(["Release", "Announce", "Archive"], build.Ran);
    }

    private sealed class Graph : RecordingBuild
    {
        Target Compile => _ => _.Executes(() => Record(nameof(Compile)));

        Target Test => _ => _.DependsOn(Compile).Executes(() => Record(nameof(Test)));

        Target Publish => _ => _.DependsOn(Compile).After(Test).Executes(() => Record(nameof(Publish)));

        Target Notify => _ => _.TriggeredBy(Publish).Executes(() => Record(nameof(Notify)));
    }

    [Fact]
    public async Task The_plan_graph_shows_every_planned_target_its_links_skips_and_what_was_invoked()
    {
        var build = new Graph();

        var run = await BuildRun.RunAsync(build, repository, ["Publish", "Test", "--skip", "Test", "--plan"]);

        Assert.Equal(ExitCodes.Success, run.ExitCode);
        Assert.Empty(build.Ran);
        Assert.Equal(
            string.Join(
                "\n",
                "graph LR",
                "    Compile[\"Compile\"]",
                "    Test[\"Test (skipped: --skip Test)\"]",
                "    Publish[\"Publish\"]",
                "    Notify[\"Notify\"]",
                "    Compile --> Test",
                "    Compile --> Publish",
                "    Test -.->|before| Publish",
                "    Publish ==>|triggers| Notify",
                "    classDef invoked stroke-width:3px",
                "    class Test,Publish invoked",
                "",
                "Plan written to .nuke/temp/plan.html",
                ""),
            run.Output.ReplaceLineEndings("\n"));
    }

    [Fact]
    public async Task Every_output_line_of_a_process_is_logged_at_information_in_order()
    {
        var log = new ListLog();

        await new ProcessRunner(log).RunAsync(new ProcessSpec("sh", ["-c", "echo first; echo second; echo to-stderr >&2"]));

        Assert.Equal([(LogLevel.Information, "first"), (LogLevel.Information, "second")], log.Entries.Where(e => e.Message is "first" or "second"));
        Assert.Contains((LogLevel.Information, "to-stderr"), log.Entries);
        Assert.Equal((LogLevel.Information, "> sh -c 'echo first; echo second; echo to-stderr >&2'"), log.Entries[0]);
    }

    [Fact]
    public async Task Output_of_a_process_run_for_its_data_stays_out_of_the_log_and_its_command_line_is_a_debug_line()
    {
        var log = new ListLog();

        var result = await new ProcessRunner(log).RunAsync(new ProcessSpec("sh", ["-c", "echo data-line"]) { LogOutput = false });

        Assert.Equal("data-line", result.StandardOutput.Trim());
        Assert.Equal([(LogLevel.Debug, "> sh -c 'echo data-line'")], log.Entries);
    }

    [Fact]
    public async Task A_program_that_reads_stdin_sees_it_closed_instead_of_waiting_for_input()
    {
        var log = new ListLog();

        var result = await new ProcessRunner(log).RunAsync(new ProcessSpec("sh", ["-c", "cat; echo read-all"]))
            .WaitAsync(TimeSpan.FromSeconds(30));

        Assert.Equal(0, result.ExitCode);
        Assert.Equal("read-all", result.StandardOutput.Trim());
    }

    [Fact]
    public void Paths_are_equal_exactly_when_they_name_the_same_path()
    {
        var path = AbsolutePath.Create("/repo/src/App");
        var same = AbsolutePath.Create("/repo/src/../src/App/");
        var other = AbsolutePath.Create("/repo/src/Api");
        var differentCase = AbsolutePath.Create("/repo/src/app");

        Assert.True(path.Equals(same));
        Assert.True(path.Equals((object)same));
        Assert.Equal(path.GetHashCode(), same.GetHashCode());
        Assert.False(path.Equals(other));
        Assert.False(path.Equals((object)other));
        Assert.False(path.Equals(differentCase)); // paths are case-sensitive where the build runs
        Assert.False(path.Equals((AbsolutePath?)null));
        Assert.False(path.Equals("/repo/src/App"));
        Assert.Single(new HashSet<AbsolutePath> { path, same });
        Assert.Equal(2, new HashSet<AbsolutePath> { path, other }.Count);
    }

    public void Dispose() => repository.Dispose();
}
