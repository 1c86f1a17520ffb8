using Microsoft.Extensions.Time.Testing;

namespace Slipway.Aws.Tests.Support;

/// <summary>
/// A fake clock that a test moves only while the code under test waits on one of its timers. Moving it while that code
/// still runs (a loaded machine may not have resumed it yet) would let time pass that the code never waited for.
/// </summary>
public sealed class SteppedClock(DateTimeOffset start) : FakeTimeProvider(start)
{
    private int waiting;

    /// <summary>Moves the clock by <paramref name="step"/> each time the work waits, until it is done.</summary>
    public async Task<T> RunAsync<T>(Task<T> work, TimeSpan step)
    {
        using var guard = new CancellationTokenSource(TimeSpan.FromMinutes(1));
        while (!work.IsCompleted)
        {
            if (Volatile.Read(ref waiting) > 0)
            {
                Advance(step);
            }
            else
            {
                await Task.Delay(1, guard.Token);
            }
        }

        return await work;
    }

    public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period)
    {
        var pending = new PendingTimer(this);
        pending.Inner = base.CreateTimer(s => { pending.Fired(); callback(s); }, state, dueTime, period);
        return pending;
    }

    /// <summary>Counts as waiting from its making until it first fires or is disposed.</summary>
    private sealed class PendingTimer : ITimer
    {
        private readonly SteppedClock clock;
        private int done;

        public PendingTimer(SteppedClock clock)
        {
            this.clock = clock;
            Interlocked.Increment(ref clock.waiting);
        }

        public ITimer? Inner { get; set; }

        public void Fired() => Done();

        public bool Change(TimeSpan dueTime, TimeSpan period) => Inner!.Change(dueTime, period);

        public void Dispose()
        {
            Done();
            Inner?.Dispose();
        }

        public ValueTask DisposeAsync()
        {
            Dispose();
            return ValueTask.CompletedTask;
        }

        private void Done()
        {
            if (Interlocked.Exchange(ref done, 1) == 0)
            {
                Interlocked.Decrement(ref clock.waiting);
            }
        }
    }
}
