namespace Slipway.Aws.Ecr.Model;

/// <summary>The input of GetAuthorizationToken: Retrieves an authorization token.</summary>
public sealed class GetAuthorizationTokenRequest
{
    public IList<string>? RegistryIds { get; set; }
}

/// <summary>The output of GetAuthorizationToken.</summary>
public sealed class GetAuthorizationTokenResponse
{
    public IList<AuthorizationData>? AuthorizationData { get; set; }
}
