using System.Text;
using Slipway.Aws.Ecr;
using Slipway.Aws.Ecr.Model;

namespace Slipway.Aws.Deployment;

/// <summary>
/// Credentials for pushing to the ECR registry, from <c>GetAuthorizationToken</c>. The password is a secret: the caller
/// registers it for masking, and <see cref="ToString"/> never shows it.
/// </summary>
public sealed class RegistryLogin
{
    private RegistryLogin(string username, string password, string proxyEndpoint, DateTime? expiresAt)
    {
        Username = username;
        Password = password;
        ProxyEndpoint = proxyEndpoint;
        ExpiresAt = expiresAt;
    }

    public string Username { get; }

    public string Password { get; }

    /// <summary>The registry ECR names, e.g. <c>https://ACCT.dkr.ecr.REGION.amazonaws.com</c> (the local cloud's is http).</summary>
    public string ProxyEndpoint { get; }

    public DateTime? ExpiresAt { get; }

    public static async Task<RegistryLogin> GetAsync(IAmazonECR ecr, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(ecr);
        var response = await ecr.GetAuthorizationTokenAsync(new GetAuthorizationTokenRequest(), cancellationToken);
        var data = response.AuthorizationData?.FirstOrDefault(d => !string.IsNullOrEmpty(d.AuthorizationToken))
            ?? throw new InvalidOperationException("ECR GetAuthorizationToken returned no authorization data.");
        string decoded;
        try
        {
            decoded = Encoding.UTF8.GetString(Convert.FromBase64String(data.AuthorizationToken!));
        }
        catch (FormatException e)
        {
            throw new InvalidOperationException("ECR GetAuthorizationToken returned a token that is not base64.", e);
        }

        var colon = decoded.IndexOf(':', StringComparison.Ordinal);
        return colon > 0
            ? new RegistryLogin(decoded[..colon], decoded[(colon + 1)..], data.ProxyEndpoint ?? "", data.ExpiresAt)
            : throw new InvalidOperationException("ECR GetAuthorizationToken returned a token that is not 'user:password'.");
    }

    public override string ToString() => $"{Username}:**** for {ProxyEndpoint}";
}
