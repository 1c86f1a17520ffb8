namespace Slipway.Aws.Transport;

/// <summary>How many attempts one logical call has made so far.</summary>
internal sealed class CallAttempts
{
    private int count;

    public int Count => Volatile.Read(ref count);

    public void Increment() => Interlocked.Increment(ref count);
}
