namespace Slipway.Aws.Ecs.Model;

/// <summary>The metadata that you apply to a resource to help you categorize and organize them.</summary>
public sealed class Tag
{
    public string? Key { get; set; }

    public string? Value { get; set; }
}
