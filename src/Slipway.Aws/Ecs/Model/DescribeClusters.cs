namespace Slipway.Aws.Ecs.Model;

/// <summary>The input of DescribeClusters: Describes one or more of your clusters.</summary>
public sealed class DescribeClustersRequest
{
    public IList<string>? Clusters { get; set; }

    public IList<string>? Include { get; set; }
}

/// <summary>The output of DescribeClusters.</summary>
public sealed class DescribeClustersResponse
{
    public IList<Cluster>? Clusters { get; set; }

    public IList<Failure>? Failures { get; set; }
}
