namespace Slipway.Docker;

/// <summary>Polls a condition on a <see cref="TimeProvider"/> clock until it holds or a deadline passes.</summary>
internal static class Waiting
{
    public static async Task<bool> UntilAsync(Func<CancellationToken, Task<bool>> condition, TimeSpan timeout, TimeProvider timeProvider, CancellationToken cancellationToken)
    {
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

            await Task.Delay(TimeSpan.FromMilliseconds(200), timeProvider, cancellationToken);
        }
    }
}
