namespace Slipway.Aws.Ecs.Model;

/// <summary>The network configuration for a task or service.</summary>
public sealed class NetworkConfiguration
{
    public AwsVpcConfiguration? AwsvpcConfiguration { get; set; }
}
