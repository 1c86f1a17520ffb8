using System.Diagnostics;
using Slipway.Processes;
using Slipway.Tests.Support;

namespace Slipway.Tests;

public sealed class ProcessRunnerTests
{
    private readonly ListLog log = new();

    private ProcessRunner Runner => new(log);

    [Fact]
    public async Task The_command_line_and_working_directory_are_logged_and_output_streamed()
    {
        var result = await Runner.RunAsync(new ProcessSpec("sh", ["-c", "echo hello; echo oops >&2"]) { WorkingDirectory = "/tmp" });

        Assert.Equal(0, result.ExitCode);
        Assert.Contains("> sh -c 'echo hello; echo oops >&2'  (in /tmp)", log.Text, StringComparison.Ordinal);
        Assert.Contains("hello", result.StandardOutput, StringComparison.Ordinal);
        Assert.Contains("oops", result.StandardError, StringComparison.Ordinal);
        Assert.Contains("hello", log.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_failure_shows_the_exit_code_and_the_last_lines_of_error_output()
    {
        var script = "for i in $(seq 1 20); do echo \"err $i\" >&2; done; echo fine; exit 3";

        var error = await Assert.ThrowsAsync<ProcessException>(() => Runner.RunAsync(new ProcessSpec("sh", ["-c", script])));

        Assert.Equal(3, error.ExitCode);
        Assert.StartsWith("sh exited with code 3.", error.Message, StringComparison.Ordinal);
        Assert.Contains("err 20", error.Message, StringComparison.Ordinal);
        Assert.Contains("err 9", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("err 8\n", error.Message + "\n", StringComparison.Ordinal);
        Assert.DoesNotContain("fine", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Without_error_output_the_lines_that_mention_an_error_are_shown()
    {
        var script = "echo 'Build started'; echo 'Program.cs(3,1): error CS1002: ; expected'; echo 'Build FAILED'; exit 1";

        var error = await Assert.ThrowsAsync<ProcessException>(() => Runner.RunAsync(new ProcessSpec("sh", ["-c", script])));

        Assert.Contains("error CS1002", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("Build started", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_process_silent_for_longer_than_the_heartbeat_interval_is_said_to_be_still_running()
    {
        var runner = new ProcessRunner(log) { HeartbeatInterval = TimeSpan.FromMilliseconds(200) };

        await runner.RunAsync(new ProcessSpec("sh", ["-c", "sleep 1"]) { LogOutput = false });

        Assert.Contains(log.Lines, l => l.Contains("… sh still running (", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_process_that_keeps_talking_gets_no_heartbeat()
    {
        var runner = new ProcessRunner(log) { HeartbeatInterval = TimeSpan.FromSeconds(2) };

        await runner.RunAsync(new ProcessSpec("sh", ["-c", "for i in 1 2 3 4 5 6; do echo $i; sleep 0.3; done"]));

        Assert.DoesNotContain(log.Lines, l => l.Contains("still running", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_missing_tool_says_so()
    {
        var error = await Assert.ThrowsAsync<ProcessException>(() => Runner.RunAsync(new ProcessSpec("no-such-tool-here", [])));

        Assert.Contains("Could not start 'no-such-tool-here'", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ThrowOnFailure_false_returns_the_exit_code()
    {
        var result = await Runner.RunAsync(new ProcessSpec("sh", ["-c", "exit 4"]) { ThrowOnFailure = false });

        Assert.Equal(4, result.ExitCode);
    }

    [Fact]
    public async Task Cancellation_kills_the_process_tree()
    {
        using var cancel = new CancellationTokenSource();
        var pidFile = Path.Combine(Path.GetTempPath(), $"slipway-child-{Guid.NewGuid():N}");
        try
        {
            // The shell starts a child of its own and records its pid, then waits: cancelling must kill both.
            var running = Runner.RunAsync(new ProcessSpec("sh", ["-c", $"sleep 300 & echo $! > {pidFile}; wait"]), cancel.Token);
            Assert.True(await Waiting.UntilAsync(() => File.Exists(pidFile) && File.ReadAllText(pidFile).EndsWith('\n'), TimeSpan.FromSeconds(30), TimeProvider.System, CancellationToken.None), "the child never started");
            var child = int.Parse(File.ReadAllText(pidFile).Trim(), System.Globalization.CultureInfo.InvariantCulture);
            var stopwatch = Stopwatch.StartNew();

            await cancel.CancelAsync();
            await Assert.ThrowsAnyAsync<OperationCanceledException>(() => running);

            Assert.True(stopwatch.Elapsed < TimeSpan.FromSeconds(10));
            Assert.True(
                await Waiting.UntilAsync(() => !IsAlive(child), TimeSpan.FromSeconds(10), TimeProvider.System, CancellationToken.None),
                $"the child (pid {child}) of the cancelled process kept running");
        }
        finally
        {
            File.Delete(pidFile);
        }
    }

    /// <summary>Alive and not a zombie: /proc/pid/stat's state field.</summary>
    private static bool IsAlive(int pid)
    {
        try
        {
            var stat = File.ReadAllText($"/proc/{pid}/stat");
            return stat[(stat.LastIndexOf(')') + 2)..].Split(' ')[0] is not ("Z" or "X");
        }
        catch (IOException)
        {
            return false;
        }
    }

    [Fact]
    public async Task Environment_entries_are_added_and_removed()
    {
        // PATH is always inherited; the test must not change its own process's environment, which the
        // tests that start ./build.sh in parallel would inherit.
        Assert.False(string.IsNullOrEmpty(Environment.GetEnvironmentVariable("PATH")));
        // env prints the environment it was given; a shell would make up a default PATH of its own.
        var result = await Runner.RunAsync(new ProcessSpec("/usr/bin/env", [])
        {
            Environment = new Dictionary<string, string?> { ["ADDED"] = "a", ["PATH"] = null },
            LogOutput = false,
        });

        var variables = result.StandardOutput.Split('\n');
        Assert.Contains("ADDED=a", variables);
        Assert.DoesNotContain(variables, v => v.StartsWith("PATH=", StringComparison.Ordinal));
    }
}
