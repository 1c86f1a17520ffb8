namespace Slipway.Aws.Ecr.Model;

/// <summary>An object representing authorization data for an Amazon ECR registry.</summary>
public sealed class AuthorizationData
{
    public string? AuthorizationToken { get; set; }

    public DateTime? ExpiresAt { get; set; }

    public string? ProxyEndpoint { get; set; }
}
