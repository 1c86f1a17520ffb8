using System.Text.RegularExpressions;
using Amazon.Runtime;

namespace Slipway.Aws.Transport;

/// <summary>
/// The credentials of one client. Some sources only fail when they are used, at signing time: web identity (GitHub
/// OIDC) calls STS with the token file, SSO reads its cached token. Such a failure becomes an
/// <see cref="AwsConfigurationException"/> that says how to fix it and holds no token; and no failure is remembered,
/// so the next call tries again (after <c>aws sso login</c>, or once the CI runner rewrote the token file).
/// </summary>
internal sealed partial class CredentialSource(AWSCredentials? explicitCredentials, Func<string, string?> environment)
{
    private readonly Lock sync = new();
    private Task<AWSCredentials>? resolving;

    /// <summary>Resolves (once it has worked) and refreshes (as the SDK sees fit) the credentials to sign with.</summary>
    public async Task<AWSCredentials> GetAsync(CancellationToken cancellationToken)
    {
        // Shared by every call of this client; a caller's cancellation still ends its own wait.
        var credentials = await Resolve().WaitAsync(cancellationToken);
        try
        {
            // What the signer would do itself; done here so that a failure can be explained.
            await credentials.GetCredentialsAsync().WaitAsync(cancellationToken);
            return credentials;
        }
        catch (Exception e) when (e is not OperationCanceledException and not AwsConfigurationException)
        {
            Forget();
            throw new AwsConfigurationException(Explain(credentials, e));
        }
    }

    private Task<AWSCredentials> Resolve()
    {
        lock (sync)
        {
            if (resolving is null || resolving.IsFaulted || resolving.IsCanceled)
            {
                resolving = CredentialResolver.ResolveAsync(explicitCredentials);
            }

            return resolving;
        }
    }

    private void Forget()
    {
        lock (sync)
        {
            resolving = null;
        }
    }

    private string Explain(AWSCredentials credentials, Exception e)
    {
        var (source, fix) = credentials switch
        {
            AssumeRoleWithWebIdentityCredentials web => (
                $"web identity (role {web.RoleArn}, token file {web.WebIdentityTokenFile})",
                "Check that the token file exists and is fresh, that the role trusts the identity provider (for GitHub: " +
                "token.actions.githubusercontent.com with the repository in the 'sub' condition), and that the workflow has " +
                "'permissions: id-token: write'."),
            SSOAWSCredentials => (
                "the SSO profile",
                "Run 'aws sso login --profile <name>' (the session may have expired), then try again."),
            _ => (credentials.GetType().Name, CredentialResolver.Help),
        };
        return $"The AWS credentials from {source} could not be obtained: {Scrub(e)}. {fix}";
    }

    /// <summary>
    /// The failure and its causes (type and message each), with the web identity token (and anything shaped like a
    /// JWT) masked. The exceptions themselves are not kept: their messages may hold the token.
    /// </summary>
    private string Scrub(Exception e)
    {
        var causes = new List<string>();
        for (Exception? cause = e; cause is not null && causes.Count < 5; cause = cause.InnerException)
        {
            causes.Add($"{cause.GetType().Name}: {cause.Message.TrimEnd('.')}");
        }

        var message = string.Join(" ← ", causes);
        var tokenFile = environment("AWS_WEB_IDENTITY_TOKEN_FILE");
        if (!string.IsNullOrEmpty(tokenFile) && File.Exists(tokenFile))
        {
            var token = File.ReadAllText(tokenFile).Trim();
            if (token.Length > 0)
            {
                message = message.Replace(token, "****", StringComparison.Ordinal);
            }
        }

        return Jwt().Replace(message, "****");
    }

    [GeneratedRegex(@"eyJ[A-Za-z0-9_-]{4,}\.[A-Za-z0-9_-]{4,}\.[A-Za-z0-9_-]*")]
    private static partial Regex Jwt();
}
