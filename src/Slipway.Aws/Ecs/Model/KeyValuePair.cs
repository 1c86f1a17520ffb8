namespace Slipway.Aws.Ecs.Model;

/// <summary>A key-value pair object.</summary>
public sealed class KeyValuePair
{
    public string? Name { get; set; }

    public string? Value { get; set; }
}
