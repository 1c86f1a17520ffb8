namespace Slipway.Aws.Ecs.Model;

/// <summary>The input of CreateCluster: Creates a new Amazon ECS cluster.</summary>
public sealed class CreateClusterRequest
{
    public string? ClusterName { get; set; }

    public IList<Tag>? Tags { get; set; }

    public IList<ClusterSetting>? Settings { get; set; }
}

/// <summary>The output of CreateCluster.</summary>
public sealed class CreateClusterResponse
{
    public Cluster? Cluster { get; set; }
}
