namespace Slipway.LocalCloud.Scheduling;

/// <summary>Lets an API call wake the scheduler loop at once instead of at its next tick.</summary>
internal sealed class Wakeup
{
    private readonly Lock gate = new();
    private TaskCompletionSource signal = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public void Wake()
    {
        lock (gate)
        {
            signal.TrySetResult();
        }
    }

    /// <summary>Completes at the next <see cref="Wake"/> after this call (or an earlier one not yet consumed).</summary>
    public Task NextAsync()
    {
        lock (gate)
        {
            if (signal.Task.IsCompleted)
            {
                signal = new(TaskCreationOptions.RunContinuationsAsynchronously);
            }

            return signal.Task;
        }
    }
}
