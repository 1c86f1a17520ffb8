namespace Slipway.Aws.Ecs.Model;

/// <summary>The log configuration for the container.</summary>
public sealed class LogConfiguration
{
    public string? LogDriver { get; set; }

    public IDictionary<string, string>? Options { get; set; }

    public IList<Secret>? SecretOptions { get; set; }
}
