using Slipway.Tests.Support;

namespace Slipway.Tests;

/// <summary>Two builds in one checkout run one after the other, and the second says what it waits for.</summary>
public sealed class CheckoutLockTests : IDisposable
{
    private readonly TestRepository repository = new();

    private sealed class Gated : RecordingBuild
    {
        public TaskCompletionSource Started { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public TaskCompletionSource Release { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        Target Slow => _ => _.Executes(async () =>
        {
            Record("slow started");
            Started.SetResult();
            await Release.Task;
            Record("slow finished");
        });

        Target Quick => _ => _.Executes(() => Record("quick"));
    }

    [Fact]
    public async Task A_second_build_in_the_same_checkout_waits_for_the_first_and_names_it()
    {
        var first = new Gated();
        var firstRun = BuildRun.RunAsync(first, repository, ["Slow"], time: TimeProvider.System);
        await first.Started.Task.WaitAsync(TestTimeouts.Integration);

        var second = new Gated();
        var secondRun = BuildRun.RunAsync(second, repository, ["Quick"], time: TimeProvider.System);
        await Task.Delay(TimeSpan.FromMilliseconds(600));
        Assert.Empty(second.Ran);

        first.Release.SetResult();
        var firstResult = await firstRun.WaitAsync(TestTimeouts.Integration);
        var secondResult = await secondRun.WaitAsync(TestTimeouts.Integration);

        Assert.Equal(0, firstResult.ExitCode);
        Assert.Equal(0, secondResult.ExitCode);
        Assert.Equal(["quick"], second.Ran);
        Assert.Matches($@"Waiting for the build started at \d{{4}}-\d\d-\d\d \d\d:\d\d:\d\d \S+ by pid {Environment.ProcessId} to run Slow to finish", secondResult.Output);
    }

    [Fact]
    public async Task Ctrl_C_while_waiting_for_the_other_build_exits_130_and_runs_nothing()
    {
        var first = new Gated();
        var firstRun = BuildRun.RunAsync(first, repository, ["Slow"], time: TimeProvider.System);
        await first.Started.Task.WaitAsync(TestTimeouts.Integration);

        using var abort = new CancellationTokenSource(TimeSpan.FromMilliseconds(500));
        var second = new Gated();
        var secondResult = await BuildRun.RunAsync(second, repository, ["Quick"], time: TimeProvider.System, abort: abort.Token).WaitAsync(TestTimeouts.Integration);
        first.Release.SetResult();
        await firstRun.WaitAsync(TestTimeouts.Integration);

        Assert.Equal(ExitCodes.Cancelled, secondResult.ExitCode);
        Assert.Empty(second.Ran);
        Assert.Contains("nothing ran", secondResult.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Builds_in_turn_do_not_wait()
    {
        var first = await BuildRun.RunAsync(new Gated(), repository, ["Quick"], time: TimeProvider.System);
        var second = await BuildRun.RunAsync(new Gated(), repository, ["Quick"], time: TimeProvider.System);

        Assert.DoesNotContain("Waiting for the build", first.Output + second.Output, StringComparison.Ordinal);
        Assert.Equal(0, second.ExitCode);
    }

    public void Dispose() => repository.Dispose();
}
