using Slipway.Aws.Deployment.Services;
using Slipway.Aws.Ecs;
using Slipway.Aws.Ecs.Model;

namespace Slipway.Aws.Deployment.Watching;

/// <summary>
/// The looks at one service while a deploy waits on it: DescribeServices, each new event streamed once (oldest
/// first), and a throttled or failing look answered by looking again later, more slowly. Shared by the wait for our
/// deployment and the wait for a rollback, so events are never streamed twice.
/// </summary>
internal sealed class ServiceLooks(IAmazonECS ecs, IDeploymentObserver observer, ServiceDeployment target, WatchOptions options)
{
    private static readonly TimeSpan MaxBackoff = TimeSpan.FromMinutes(1);

    private readonly HashSet<string> seenEvents = new(target.EarlierEventIds, StringComparer.Ordinal);

    /// <summary>How long to wait before the next look.</summary>
    public TimeSpan Delay { get; private set; } = options.PollInterval;

    /// <summary>The last service read, for a timeout's message.</summary>
    public Service? Last { get; private set; }

    /// <returns>The service, or null when the look was throttled or failed (the next one comes later).</returns>
    /// <exception cref="DeploymentFailedException">The service was deleted while deploying.</exception>
    public async Task<Service?> LookAsync(CancellationToken cancellationToken)
    {
        try
        {
            var described = await ecs.DescribeServicesAsync(new DescribeServicesRequest { Cluster = target.Cluster, Services = [target.Service] }, cancellationToken);
            var service = described.Services?.FirstOrDefault();
            if (service is null || service.Status is "INACTIVE" or "DRAINING")
            {
                throw new DeploymentFailedException(
                    $"The service '{target.Service}' in cluster '{target.Cluster}' is {(service?.Status ?? "missing")}: it was deleted while deploying.", DeploymentFailure.Failed);
            }

            Last = service;
            Stream(service);
            Delay = options.PollInterval;
            return service;
        }
        catch (AwsServiceException e) when (e is ThrottlingException or ServerException || (int)e.StatusCode >= 500)
        {
            // The client already retried; the deployment goes on regardless, so look again later, more slowly.
            Delay = TimeSpan.FromTicks(Math.Min(MaxBackoff.Ticks, Delay.Ticks * 2));
            observer.Note($"ECS DescribeServices was throttled or failed ({e.ErrorCode}); looking again in {Delay.TotalSeconds:0} s");
            return null;
        }
    }

    /// <summary>What the service runs, one deployment a part, for messages.</summary>
    public string Running() => Last?.Deployments is { Count: > 0 } deployments
        ? string.Join("; ", deployments.Select(ServiceDeployments.Describe))
        : "nothing could be read from the service";

    private void Stream(Service service)
    {
        // ECS lists the newest first; a log reads oldest first.
        foreach (var serviceEvent in (service.Events ?? []).Reverse())
        {
            if (serviceEvent.Id is { } id && seenEvents.Add(id))
            {
                observer.ServiceEvent(serviceEvent);
            }
        }
    }
}
