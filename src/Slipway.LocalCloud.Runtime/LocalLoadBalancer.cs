using System.Collections.Concurrent;
using System.Net;
using Slipway.Output;

namespace Slipway.LocalCloud.Runtime;

/// <summary>
/// The local load balancer: one listener on 127.0.0.1 per service, forwarding each request to the next of the
/// service's healthy tasks, each on its own host port. Draining takes a task out of the rotation and waits for
/// its requests in flight, so a rolling deploy replaces tasks without a failed request.
/// </summary>
public sealed class LocalLoadBalancer(ILog log, TimeProvider timeProvider) : ILoadBalancer
{
    private static readonly TimeSpan DrainPoll = TimeSpan.FromMilliseconds(20);

    private readonly ConcurrentDictionary<string, ServiceTargets> services = new(StringComparer.Ordinal);
    private readonly Dictionary<string, ServiceListener> listeners = new(StringComparer.Ordinal);
    private readonly SemaphoreSlim listenersGate = new(1, 1);

    // One connection pool for every task: requests are forwarded as they come, redirects and cookies untouched.
    private readonly HttpMessageInvoker client = new(new SocketsHttpHandler
    {
        UseProxy = false,
        AllowAutoRedirect = false,
        AutomaticDecompression = DecompressionMethods.None,
        UseCookies = false,
        ConnectTimeout = TimeSpan.FromSeconds(5),
        PooledConnectionIdleTimeout = TimeSpan.FromSeconds(15),
        ActivityHeadersPropagator = null,
    });

    public async Task EnsureListenerAsync(string serviceKey, int port, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(serviceKey);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(port);
        await listenersGate.WaitAsync(cancellationToken);
        try
        {
            if (listeners.TryGetValue(serviceKey, out var existing))
            {
                if (existing.Port == port)
                {
                    return;
                }

                listeners.Remove(serviceKey);
                await existing.DisposeAsync();
            }

            listeners[serviceKey] = await ServiceListener.StartAsync(serviceKey, port, Targets(serviceKey), client, cancellationToken);
            log.Debug($"load balancer of {serviceKey} listens on http://127.0.0.1:{port}");
        }
        finally
        {
            listenersGate.Release();
        }
    }

    public void SetTargets(string serviceKey, IReadOnlyList<LoadBalancerTarget> targets)
    {
        ArgumentException.ThrowIfNullOrEmpty(serviceKey);
        ArgumentNullException.ThrowIfNull(targets);
        Targets(serviceKey).Set(targets);
    }

    public async Task DrainAsync(string serviceKey, string taskId, TimeSpan timeout, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(serviceKey);
        ArgumentException.ThrowIfNullOrEmpty(taskId);
        var targets = Targets(serviceKey);
        targets.Drain(taskId);
        var deadline = timeProvider.GetUtcNow() + timeout;
        while (targets.InFlightTo(taskId) > 0)
        {
            if (timeProvider.GetUtcNow() >= deadline)
            {
                log.Debug($"load balancer of {serviceKey}: task {taskId} still has {targets.InFlightTo(taskId)} requests in flight after {timeout.TotalSeconds:0.#} s of draining");
                return;
            }

            await Task.Delay(DrainPoll, timeProvider, cancellationToken);
        }
    }

    public async Task RemoveListenerAsync(string serviceKey, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(serviceKey);
        await listenersGate.WaitAsync(cancellationToken);
        try
        {
            if (listeners.Remove(serviceKey, out var listener))
            {
                await listener.DisposeAsync();
            }
        }
        finally
        {
            listenersGate.Release();
        }
    }

    /// <summary>The tasks currently in the service's rotation (what the control plane last set, minus drained ones).</summary>
    public IReadOnlyList<LoadBalancerTarget> TargetsOf(string serviceKey) => Targets(serviceKey).Current;

    public async ValueTask DisposeAsync()
    {
        await listenersGate.WaitAsync();
        try
        {
            foreach (var listener in listeners.Values)
            {
                await listener.DisposeAsync();
            }

            listeners.Clear();
        }
        finally
        {
            listenersGate.Release();
        }

        client.Dispose();
        listenersGate.Dispose();
    }

    private ServiceTargets Targets(string serviceKey) => services.GetOrAdd(serviceKey, _ => new ServiceTargets());
}
