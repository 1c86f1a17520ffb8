namespace Slipway.Aws.Ecs.Model;

/// <summary>The input of DescribeServices: Describes the specified services running in your cluster.</summary>
public sealed class DescribeServicesRequest
{
    public string? Cluster { get; set; }

    public IList<string>? Services { get; set; }

    public IList<string>? Include { get; set; }
}

/// <summary>The output of DescribeServices.</summary>
public sealed class DescribeServicesResponse
{
    public IList<Service>? Services { get; set; }

    public IList<Failure>? Failures { get; set; }
}
