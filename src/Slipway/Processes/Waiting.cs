namespace Slipway.Processes;

/// <summary>Polls a condition on a <see cref="TimeProvider"/> clock until it holds or a deadline passes.</summary>
public static class Waiting
{
    /// <summary>How often the condition is asked unless the caller says otherwise.</summary>
    public static readonly TimeSpan DefaultPollInterval = TimeSpan.FromMilliseconds(200);

    /// <summary>True as soon as <paramref name="condition"/> holds; false once <paramref name="timeout"/> has passed without it.</summary>
    public static async Task<bool> UntilAsync(
        Func<CancellationToken, Task<bool>> condition, TimeSpan timeout, TimeProvider timeProvider, CancellationToken cancellationToken, TimeSpan? pollInterval = null)
    {
        ArgumentNullException.ThrowIfNull(condition);
        ArgumentNullException.ThrowIfNull(timeProvider);
        var started = timeProvider.GetTimestamp();
        while (true)
        {
            if (await condition(cancellationToken))
            {
                return true;
            }

            if (timeProvider.GetElapsedTime(started) >= timeout)
            {
                return false;
            }

            await Task.Delay(pollInterval ?? DefaultPollInterval, timeProvider, cancellationToken);
        }
    }

    /// <summary>Like <see cref="UntilAsync(Func{CancellationToken, Task{bool}}, TimeSpan, TimeProvider, CancellationToken, TimeSpan?)"/> for a condition that needs no I/O.</summary>
    public static Task<bool> UntilAsync(Func<bool> condition, TimeSpan timeout, TimeProvider timeProvider, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(condition);
        return UntilAsync(_ => Task.FromResult(condition()), timeout, timeProvider, cancellationToken);
    }
}
