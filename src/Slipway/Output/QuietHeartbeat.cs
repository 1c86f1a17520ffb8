namespace Slipway.Output;

/// <summary>
/// A log that says "… <c>what</c> still running (N s)" whenever nothing was written to it for
/// <see cref="Interval"/>: long work that reports through a stream of its own (a push whose engine is still
/// preparing layers, a registry slow to answer) never reads like a hang. Dispose to stop the beat.
/// </summary>
public sealed class QuietHeartbeat : ILog, IAsyncDisposable
{
    private readonly ILog inner;
    private readonly TimeProvider time;
    private readonly string what;
    private readonly long started;
    private readonly CancellationTokenSource stop = new();
    private readonly Task beating;
    private long lastWrite;

    /// <param name="inner">Where every line goes, the heartbeat's included.</param>
    /// <param name="what">What is running, as the heartbeat names it (e.g. <c>push of registry/api:1.0</c>).</param>
    public QuietHeartbeat(ILog inner, TimeProvider time, string what, TimeSpan? interval = null)
    {
        ArgumentNullException.ThrowIfNull(inner);
        ArgumentNullException.ThrowIfNull(time);
        this.inner = inner;
        this.time = time;
        this.what = what;
        Interval = interval ?? TimeSpan.FromSeconds(15);
        started = time.GetTimestamp();
        lastWrite = started;
        beating = BeatAsync();
    }

    /// <summary>How long the log may stay silent before the heartbeat speaks (15 s, as for a silent process).</summary>
    public TimeSpan Interval { get; }

    public void Write(LogLevel level, string message)
    {
        Interlocked.Exchange(ref lastWrite, time.GetTimestamp());
        inner.Write(level, message);
    }

    public async ValueTask DisposeAsync()
    {
        await stop.CancelAsync();
        await beating;
        stop.Dispose();
    }

    private async Task BeatAsync()
    {
        try
        {
            while (true)
            {
                var quiet = time.GetElapsedTime(Interlocked.Read(ref lastWrite));
                if (quiet >= Interval)
                {
                    inner.Information($"… {what} still running ({time.GetElapsedTime(started).TotalSeconds:0} s)");
                    Interlocked.Exchange(ref lastWrite, time.GetTimestamp());
                    quiet = TimeSpan.Zero;
                }

                await Task.Delay(Interval - quiet, time, stop.Token);
            }
        }
        catch (OperationCanceledException)
        {
            // Disposed: the work it watched is over.
        }
    }
}
