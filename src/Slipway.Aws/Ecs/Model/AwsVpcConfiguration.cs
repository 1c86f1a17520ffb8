namespace Slipway.Aws.Ecs.Model;

/// <summary>An object representing the networking details for a task or service.</summary>
public sealed class AwsVpcConfiguration
{
    public IList<string>? Subnets { get; set; }

    public IList<string>? SecurityGroups { get; set; }

    public string? AssignPublicIp { get; set; }
}
