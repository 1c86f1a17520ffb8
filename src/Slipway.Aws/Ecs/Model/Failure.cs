namespace Slipway.Aws.Ecs.Model;

/// <summary>A failed resource.</summary>
public sealed class Failure
{
    public string? Arn { get; set; }

    public string? Reason { get; set; }

    public string? Detail { get; set; }
}
