using System.Globalization;
using Slipway.Aws.Ecs;
using Slipway.Aws.Ecs.Model;

namespace Slipway.Components.Local;

/// <summary>
/// Where the deployed service answers on this machine: the local load balancer listens on the container port of
/// the first essential container with a port mapping in the task definition the service runs.
/// </summary>
internal static class LocalServiceAddress
{
    public static async Task<Uri?> FindAsync(IAmazonECS ecs, string cluster, string service, CancellationToken cancellationToken)
    {
        var described = await ecs.DescribeServicesAsync(new DescribeServicesRequest { Cluster = cluster, Services = [service] }, cancellationToken);
        if (described.Services is not [{ TaskDefinition: { } taskDefinition }, ..])
        {
            return null;
        }

        var definition = await ecs.DescribeTaskDefinitionAsync(new DescribeTaskDefinitionRequest { TaskDefinition = taskDefinition }, cancellationToken);
        var port = definition.TaskDefinition?.ContainerDefinitions?
            .Where(c => (c.Essential ?? true) && c.PortMappings is { Count: > 0 })
            .Select(c => c.PortMappings![0].ContainerPort)
            .FirstOrDefault();
        return port is { } published ? new Uri($"http://127.0.0.1:{published.ToString(CultureInfo.InvariantCulture)}") : null;
    }
}
