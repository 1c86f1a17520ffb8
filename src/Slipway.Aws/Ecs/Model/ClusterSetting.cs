namespace Slipway.Aws.Ecs.Model;

/// <summary>The settings to use when creating a cluster.</summary>
public sealed class ClusterSetting
{
    public string? Name { get; set; }

    public string? Value { get; set; }
}
