using Amazon.Runtime;
using Amazon.SecurityToken;
using Amazon.SecurityToken.Model;
using Slipway.Aws.Deployment.Environments;
using Slipway.Aws.Transport;

namespace Slipway.Aws.Deployment;

/// <summary>Who the credentials belong to, as STS says: the account, the caller's ARN and user id.</summary>
public sealed record CallerIdentity(string Account, string Arn, string UserId);

/// <summary>
/// The first thing a deploy does, before any change: ask STS <c>GetCallerIdentity</c> who we are, and refuse when the
/// account is not the environment's. A wrong account is a usage error: the credentials point at another account.
/// </summary>
public static class AccountCheck
{
    /// <exception cref="DeployConfigurationException">The credentials belong to another account than the environment's.</exception>
    /// <exception cref="AwsConfigurationException">No credentials, or STS refused them.</exception>
    /// <exception cref="HttpRequestException">STS cannot be reached.</exception>
    public static async Task<CallerIdentity> VerifyAsync(DeployEnvironment environment, AwsClientOptions options, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(environment);
        ArgumentNullException.ThrowIfNull(options);
        var identity = await GetCallerIdentityAsync(options with { ServiceUrl = environment.Endpoints.Sts ?? options.ServiceUrl }, cancellationToken);
        if (identity.Account != environment.Account)
        {
            throw new DeployConfigurationException(
                $"The AWS credentials belong to account {identity.Account} ({identity.Arn}), but environment '{environment.Name}' lives in account " +
                $"{environment.Account} ({environment.File}). Nothing was changed. Use credentials for account {environment.Account} " +
                "(AWS_PROFILE, or the role your CI assumes), or correct 'account' in the environment file.");
        }

        return identity;
    }

    public static async Task<CallerIdentity> GetCallerIdentityAsync(AwsClientOptions options, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(options);
        var credentials = await CredentialResolver.ResolveAsync(options.Credentials);
        var region = RegionResolver.Resolve(options.Region, options.GetEnvironmentVariable);
        var config = new AmazonSecurityTokenServiceConfig
        {
            AuthenticationRegion = region,
            MaxErrorRetry = Math.Max(0, options.MaxAttempts - 1),
            Timeout = options.AttemptTimeout,
        };
        var endpoint = options.ServiceUrl ?? Environment("AWS_ENDPOINT_URL_STS", options) ?? Environment("AWS_ENDPOINT_URL", options);
        if (endpoint is not null)
        {
            config.ServiceURL = endpoint;
        }
        else
        {
            config.RegionEndpoint = Amazon.RegionEndpoint.GetBySystemName(region);
        }

        using var sts = new AmazonSecurityTokenServiceClient(credentials, config);
        try
        {
            var response = await sts.GetCallerIdentityAsync(new GetCallerIdentityRequest(), cancellationToken);
            return new CallerIdentity(response.Account ?? "", response.Arn ?? "", response.UserId ?? "");
        }
        catch (AmazonServiceException e)
        {
            throw new AwsConfigurationException(
                $"STS GetCallerIdentity at {endpoint ?? "the regional STS endpoint"} refused the credentials ({e.ErrorCode}): {e.Message} " + CredentialResolver.Help, e);
        }
        catch (Exception e) when (e is HttpRequestException or AmazonClientException or TaskCanceledException && !cancellationToken.IsCancellationRequested)
        {
            // Not a usage error: the network or the endpoint is down, and the same command may work a minute later.
            throw new HttpRequestException($"STS could not be reached at {endpoint ?? "the regional STS endpoint"} ({e.GetType().Name}: {e.Message}). Check the environment's endpoints and the network.", e);
        }
    }

    private static string? Environment(string name, AwsClientOptions options) =>
        string.Equals(options.GetEnvironmentVariable("AWS_IGNORE_CONFIGURED_ENDPOINT_URLS"), "true", StringComparison.OrdinalIgnoreCase)
            ? null
            : options.GetEnvironmentVariable(name) is { Length: > 0 } value ? value : null;
}
