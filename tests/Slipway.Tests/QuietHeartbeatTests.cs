using Microsoft.Extensions.Time.Testing;
using Slipway.Output;

namespace Slipway.Tests;

/// <summary>The heartbeat of work that reports through its own stream (a push): it speaks only after 15 s of silence.</summary>
public sealed class QuietHeartbeatTests
{
    [Fact]
    public async Task It_speaks_after_each_silent_interval_never_while_lines_come_and_never_after_disposal()
    {
        var time = new CountingTimeProvider();
        var log = new ListLog();
        var heartbeat = new QuietHeartbeat(log, time, "push of registry/api:1.0");
        await time.WaitForTimersAsync(1);

        time.Advance(TimeSpan.FromSeconds(15));
        await time.WaitForTimersAsync(2);
        Assert.Equal(["… push of registry/api:1.0 still running (15 s)"], log.Lines);

        time.Advance(TimeSpan.FromSeconds(10));
        heartbeat.Information("layer 3: pushing 10 MB / 100 MB (10%)");
        time.Advance(TimeSpan.FromSeconds(5));
        await time.WaitForTimersAsync(3);
        Assert.Equal(2, log.Lines.Count); // 5 s after a line: not silent long enough

        time.Advance(TimeSpan.FromSeconds(10));
        await time.WaitForTimersAsync(4);
        Assert.Equal("… push of registry/api:1.0 still running (40 s)", log.Lines[^1]);

        await heartbeat.DisposeAsync();
        time.Advance(TimeSpan.FromMinutes(5));
        Assert.Equal(3, log.Lines.Count);
    }

    /// <summary>A fake clock that counts the timers made, so the test advances it only once the heartbeat waits again.</summary>
    private sealed class CountingTimeProvider : FakeTimeProvider
    {
        private int timers;

        public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period)
        {
            Interlocked.Increment(ref timers);
            return base.CreateTimer(callback, state, dueTime, period);
        }

        public async Task WaitForTimersAsync(int count)
        {
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
            while (Volatile.Read(ref timers) < count)
            {
                await Task.Delay(5, timeout.Token);
            }
        }
    }
}
