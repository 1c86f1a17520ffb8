namespace Slipway.Aws.Ecs.Model;

/// <summary>A regional grouping of one or more container instances where you can run task requests.</summary>
public sealed class Cluster
{
    public string? ClusterArn { get; set; }

    public string? ClusterName { get; set; }

    public string? Status { get; set; }

    public int? RegisteredContainerInstancesCount { get; set; }

    public int? RunningTasksCount { get; set; }

    public int? PendingTasksCount { get; set; }

    public int? ActiveServicesCount { get; set; }

    public IList<Tag>? Tags { get; set; }

    public IList<ClusterSetting>? Settings { get; set; }

    public IList<string>? CapacityProviders { get; set; }
}
