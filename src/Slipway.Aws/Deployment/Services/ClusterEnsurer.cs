using Slipway.Aws.Ecs;
using Slipway.Aws.Ecs.Model;

namespace Slipway.Aws.Deployment.Services;

/// <summary>Makes sure the environment's cluster exists (created with the environment's tags when missing or inactive).</summary>
public sealed class ClusterEnsurer(IAmazonECS ecs, RemoteChanges changes)
{
    /// <returns>The cluster's ARN, and whether it was created now.</returns>
    public async Task<(string Arn, bool Created)> EnsureAsync(string name, IReadOnlyDictionary<string, string> tags, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(tags);
        var described = await ecs.DescribeClustersAsync(new DescribeClustersRequest { Clusters = [name] }, cancellationToken);
        if (described.Clusters?.FirstOrDefault(c => c.Status is "ACTIVE" or "PROVISIONING") is { } cluster)
        {
            return (cluster.ClusterArn ?? name, false);
        }

        var created = await changes.MakeAsync($"ECS CreateCluster {name}", "the cluster does not exist", () => ecs.CreateClusterAsync(new CreateClusterRequest
        {
            ClusterName = name,
            Tags = tags.Count > 0 ? [.. tags.Select(t => new Tag { Key = t.Key, Value = t.Value })] : null,
        }, cancellationToken));
        return (created?.Cluster?.ClusterArn ?? name, true);
    }
}
