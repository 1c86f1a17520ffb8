using System.Globalization;
using Slipway.Aws.Ecs;
using Slipway.Aws.Ecs.Model;

namespace Slipway.Components.Local;

/// <summary>
/// Where the deployed service answers on this machine: the local load balancer listens on the service's
/// <c>slipway:published-port</c> tag (two local environments run the same template on ports of their own), else on
/// the container port of the first essential container with a port mapping in the task definition it runs.
/// </summary>
internal static class LocalServiceAddress
{
    /// <summary>The local cloud's service tag for its load balancer's port (LaunchSpecification.PublishedPortTag there).</summary>
    public const string PublishedPortTag = "slipway:published-port";

    public static async Task<Uri?> FindAsync(IAmazonECS ecs, string cluster, string service, CancellationToken cancellationToken)
    {
        var described = await ecs.DescribeServicesAsync(new DescribeServicesRequest { Cluster = cluster, Services = [service], Include = ["TAGS"] }, cancellationToken);
        if (described.Services is not [{ TaskDefinition: { } taskDefinition } found, ..])
        {
            return null;
        }

        var definition = await ecs.DescribeTaskDefinitionAsync(new DescribeTaskDefinitionRequest { TaskDefinition = taskDefinition }, cancellationToken);
        return Of(found.Tags, definition.TaskDefinition);
    }

    /// <summary>The address for a service with these tags running this task definition; null when it publishes no port.</summary>
    public static Uri? Of(IEnumerable<Tag>? serviceTags, TaskDefinition? definition)
    {
        var tagged = serviceTags?.FirstOrDefault(t => t.Key == PublishedPortTag)?.Value;
        int? port = int.TryParse(tagged, NumberStyles.None, CultureInfo.InvariantCulture, out var published) && published is > 0 and < 65536
            ? published
            : definition?.ContainerDefinitions?
                .Where(c => (c.Essential ?? true) && c.PortMappings is { Count: > 0 })
                .Select(c => c.PortMappings![0].ContainerPort)
                .FirstOrDefault();
        return port is { } p ? new Uri($"http://127.0.0.1:{p.ToString(CultureInfo.InvariantCulture)}") : null;
    }
}
