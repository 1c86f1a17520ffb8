using Slipway.Aws.Ecs.Model;
using Slipway.LocalCloud.Protocol;
using Slipway.LocalCloud.State;

namespace Slipway.LocalCloud.Ecs;

/// <summary>CreateCluster and DescribeClusters; how every other operation finds its cluster.</summary>
internal sealed class ClusterOperations(StateStore store, CloudIdentity identity, TimeProvider time)
{
    public const string DefaultCluster = "default";

    public CreateClusterResponse CreateCluster(CreateClusterRequest request)
    {
        var name = string.IsNullOrEmpty(request.ClusterName) ? DefaultCluster : request.ClusterName;
        if (!Names.IsValidResourceName(name))
        {
            throw ApiError.InvalidParameter("Cluster name must be 1-255 characters: letters (upper and lower case), numbers, hyphens and underscores.");
        }

        return store.Mutate(state =>
        {
            // Idempotent as in ECS: creating an existing cluster returns it.
            if (!state.Clusters.TryGetValue(name, out var cluster) || cluster.Status != "ACTIVE")
            {
                cluster = new ClusterRecord
                {
                    Name = name,
                    Arn = identity.ClusterArn(name),
                    CreatedAt = time.GetUtcNow().UtcDateTime,
                    Tags = [.. request.Tags ?? []],
                    Settings = [.. request.Settings ?? [new ClusterSetting { Name = "containerInsights", Value = "disabled" }]],
                };
                state.Clusters[name] = cluster;
            }

            return new CreateClusterResponse { Cluster = Project(state, cluster, includeTags: true, includeSettings: true) };
        });
    }

    public DescribeClustersResponse DescribeClusters(DescribeClustersRequest request)
    {
        var wanted = request.Clusters is { Count: > 0 } ? request.Clusters : [DefaultCluster];
        var include = request.Include ?? [];
        return store.Read(state =>
        {
            var response = new DescribeClustersResponse { Clusters = [], Failures = [] };
            foreach (var reference in wanted)
            {
                var name = Names.LastSegment(reference);
                if (state.Clusters.TryGetValue(name, out var cluster))
                {
                    response.Clusters.Add(Project(state, cluster, include.Contains("TAGS"), include.Contains("SETTINGS")));
                }
                else
                {
                    response.Failures.Add(new Failure { Arn = reference.StartsWith("arn:", StringComparison.Ordinal) ? reference : identity.ClusterArn(name), Reason = "MISSING" });
                }
            }

            return response;
        });
    }

    public DeleteClusterResponse DeleteCluster(DeleteClusterRequest request) => store.Mutate(state =>
    {
        var cluster = Resolve(state, request.Cluster);
        if (state.Services.Values.Any(s => s.ClusterName == cluster.Name && s.Status != "INACTIVE"))
        {
            throw new ApiError("ClusterContainsServicesException", "The Cluster cannot be deleted while Services are active.");
        }

        if (state.Tasks.Values.Any(t => t.ClusterName == cluster.Name && t.IsLive))
        {
            throw new ApiError("ClusterContainsTasksException", "The Cluster cannot be deleted while Tasks are active.");
        }

        cluster.Status = "INACTIVE";
        return new DeleteClusterResponse { Cluster = Project(state, cluster, includeTags: false, includeSettings: false) };
    });

    /// <summary>The ACTIVE cluster a request names (name or ARN; none means <c>default</c>), or ECS's error.</summary>
    public static ClusterRecord Resolve(CloudState state, string? reference)
    {
        var name = string.IsNullOrEmpty(reference) ? DefaultCluster : Names.LastSegment(reference);
        if (!state.Clusters.TryGetValue(name, out var cluster))
        {
            throw new ApiError("ClusterNotFoundException", "Cluster not found.");
        }

        if (cluster.Status != "ACTIVE")
        {
            throw new ApiError("ClusterNotFoundException", "The referenced cluster was inactive.");
        }

        return cluster;
    }

    private static Cluster Project(CloudState state, ClusterRecord cluster, bool includeTags, bool includeSettings)
    {
        var tasks = state.Tasks.Values.Where(t => t.ClusterName == cluster.Name && t.IsLive).ToList();
        return new Cluster
        {
            ClusterArn = cluster.Arn,
            ClusterName = cluster.Name,
            Status = cluster.Status,
            RegisteredContainerInstancesCount = 0,
            RunningTasksCount = tasks.Count(t => t.LastStatus == TaskStatuses.Running),
            PendingTasksCount = tasks.Count(t => t.LastStatus != TaskStatuses.Running),
            ActiveServicesCount = state.Services.Values.Count(s => s.ClusterName == cluster.Name && s.Status == "ACTIVE"),
            Tags = includeTags ? [.. cluster.Tags] : null,
            Settings = includeSettings ? [.. cluster.Settings] : null,
            CapacityProviders = [],
        };
    }
}
