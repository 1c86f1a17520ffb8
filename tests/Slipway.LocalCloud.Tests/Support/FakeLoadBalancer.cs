using Slipway.LocalCloud.Runtime;

namespace Slipway.LocalCloud.Tests.Support;

/// <summary>Records what the scheduler asks of the load balancer, in order, and shares the runtime's call log.</summary>
internal sealed class FakeLoadBalancer(FakeTaskRuntime runtime) : ILoadBalancer
{
    private readonly Lock gate = new();
    private readonly Dictionary<string, int> listeners = new(StringComparer.Ordinal);
    private readonly Dictionary<string, IReadOnlyList<LoadBalancerTarget>> targets = new(StringComparer.Ordinal);
    private readonly List<string> drains = [];

    public FakeTaskRuntime Runtime { get; } = runtime;

    public IReadOnlyDictionary<string, int> Listeners
    {
        get
        {
            lock (gate)
            {
                return new Dictionary<string, int>(listeners);
            }
        }
    }

    public IReadOnlyList<string> Drains
    {
        get
        {
            lock (gate)
            {
                return [.. drains];
            }
        }
    }

    public IReadOnlyList<LoadBalancerTarget> TargetsOf(string serviceKey)
    {
        lock (gate)
        {
            return targets.GetValueOrDefault(serviceKey) ?? [];
        }
    }

    public Task EnsureListenerAsync(string serviceKey, int port, CancellationToken cancellationToken)
    {
        lock (gate)
        {
            listeners[serviceKey] = port;
        }

        return Task.CompletedTask;
    }

    public void SetTargets(string serviceKey, IReadOnlyList<LoadBalancerTarget> targets)
    {
        lock (gate)
        {
            this.targets[serviceKey] = targets;
        }
    }

    public Task DrainAsync(string serviceKey, string taskId, TimeSpan timeout, CancellationToken cancellationToken)
    {
        lock (gate)
        {
            // A drained task must already be out of the targets: no new request may reach it.
            var stillTarget = targets.GetValueOrDefault(serviceKey)?.Any(t => t.TaskId == taskId) == true;
            drains.Add(stillTarget ? $"drain {taskId} WHILE STILL A TARGET" : $"drain {taskId}");
        }

        Runtime.Record($"drain {taskId}");

        return Task.CompletedTask;
    }

    public Task RemoveListenerAsync(string serviceKey, CancellationToken cancellationToken)
    {
        lock (gate)
        {
            listeners.Remove(serviceKey);
        }

        return Task.CompletedTask;
    }

    public ValueTask DisposeAsync() => ValueTask.CompletedTask;
}
