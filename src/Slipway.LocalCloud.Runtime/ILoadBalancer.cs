namespace Slipway.LocalCloud.Runtime;

/// <summary>
/// The local stand-in for an ECS service's load balancer: listens on the service's published port on
/// 127.0.0.1 and forwards each request to one of the service's routable tasks.
/// </summary>
public interface ILoadBalancer : IAsyncDisposable
{
    /// <summary>Listens on 127.0.0.1:<paramref name="port"/> for the service (idempotent for the same port).</summary>
    Task EnsureListenerAsync(string serviceKey, int port, CancellationToken cancellationToken);

    /// <summary>Replaces the tasks that receive new requests (the healthy ones of the service).</summary>
    void SetTargets(string serviceKey, IReadOnlyList<LoadBalancerTarget> targets);

    /// <summary>Stops sending new requests to the task and waits until its requests in flight have finished, or the timeout.</summary>
    Task DrainAsync(string serviceKey, string taskId, TimeSpan timeout, CancellationToken cancellationToken);

    /// <summary>Stops listening for the service.</summary>
    Task RemoveListenerAsync(string serviceKey, CancellationToken cancellationToken);
}

/// <summary>A task that can receive requests, on its own host port.</summary>
public sealed record LoadBalancerTarget(string TaskId, int HostPort);
