namespace Slipway.Aws.Ecs.Model;

/// <summary>One of the methods which provide a way for you to quickly identify when a deployment has failed, and then to optionally roll back the failure to the last working deployment.</summary>
public sealed class DeploymentAlarms
{
    public IList<string>? AlarmNames { get; set; }

    public bool? Rollback { get; set; }

    public bool? Enable { get; set; }
}
