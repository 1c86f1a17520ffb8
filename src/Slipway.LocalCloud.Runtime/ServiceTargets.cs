using System.Collections.Concurrent;

namespace Slipway.LocalCloud.Runtime;

/// <summary>
/// The tasks of one service that receive new requests, picked round robin per request, and how many requests
/// each task has in flight (what draining waits for). A drained task never receives a request again: task ids
/// are never reused, so a stale target list cannot bring it back.
/// </summary>
internal sealed class ServiceTargets
{
    private readonly ConcurrentDictionary<string, int> inFlight = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, bool> drained = new(StringComparer.Ordinal);
    private readonly Lock gate = new();
    private LoadBalancerTarget[] current = [];
    private int next = -1;

    public IReadOnlyList<LoadBalancerTarget> Current => Volatile.Read(ref current);

    public void Set(IReadOnlyList<LoadBalancerTarget> targets)
    {
        lock (gate)
        {
            Volatile.Write(ref current, [.. targets.Where(t => !drained.ContainsKey(t.TaskId)).DistinctBy(t => t.TaskId)]);
        }
    }

    /// <summary>Takes the task out of the rotation for good.</summary>
    public void Drain(string taskId)
    {
        lock (gate)
        {
            drained[taskId] = true;
            Volatile.Write(ref current, [.. current.Where(t => t.TaskId != taskId)]);
        }
    }

    /// <summary>The next target in turn, or null when the service has none.</summary>
    public LoadBalancerTarget? Next()
    {
        var targets = Volatile.Read(ref current);
        if (targets.Length == 0)
        {
            return null;
        }

        var turn = (uint)Interlocked.Increment(ref next);
        return targets[(int)(turn % (uint)targets.Length)];
    }

    /// <summary>Counts a request to the task until the returned handle is disposed.</summary>
    public InFlight Begin(string taskId)
    {
        inFlight.AddOrUpdate(taskId, 1, (_, count) => count + 1);
        return new InFlight(this, taskId);
    }

    public int InFlightTo(string taskId) => inFlight.TryGetValue(taskId, out var count) ? count : 0;

    private void End(string taskId) => inFlight.AddOrUpdate(taskId, 0, (_, count) => count - 1);

    public readonly struct InFlight(ServiceTargets owner, string taskId) : IDisposable
    {
        public void Dispose() => owner.End(taskId);
    }
}
