namespace Slipway.Aws.Ecs.Model;

/// <summary>An object representing a container health check.</summary>
public sealed class HealthCheck
{
    public IList<string>? Command { get; set; }

    public int? Interval { get; set; }

    public int? Timeout { get; set; }

    public int? Retries { get; set; }

    public int? StartPeriod { get; set; }
}
