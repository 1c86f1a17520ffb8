namespace Slipway.Aws.Ecs.Model;

/// <summary>The amount of ephemeral storage to allocate for the task.</summary>
public sealed class EphemeralStorage
{
    public int? SizeInGiB { get; set; }
}
