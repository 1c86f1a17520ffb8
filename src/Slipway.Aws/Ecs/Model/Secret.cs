namespace Slipway.Aws.Ecs.Model;

/// <summary>An object representing the secret to expose to your container.</summary>
public sealed class Secret
{
    public string? Name { get; set; }

    public string? ValueFrom { get; set; }
}
