using Amazon.Runtime;
using Amazon.Runtime.Credentials;

namespace Slipway.Aws.Transport;

/// <summary>The explicit credentials, else the SDK's default chain, with an error that says how to fix it.</summary>
internal static class CredentialResolver
{
    internal const string Help =
        "The AWS SDK looked for credentials in: the environment variables AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY " +
        "(with AWS_SESSION_TOKEN); web identity (AWS_WEB_IDENTITY_TOKEN_FILE with AWS_ROLE_ARN, as GitHub OIDC sets up); " +
        "the profile named by AWS_PROFILE (else 'default') in ~/.aws/credentials and ~/.aws/config (or the files named by " +
        "AWS_SHARED_CREDENTIALS_FILE and AWS_CONFIG_FILE), including SSO profiles and credential_process; the ECS container " +
        "credentials endpoint (AWS_CONTAINER_CREDENTIALS_RELATIVE_URI or AWS_CONTAINER_CREDENTIALS_FULL_URI); and the EC2 " +
        "instance metadata service. To fix it: locally run 'aws configure sso' then 'aws sso login --profile <name>' and " +
        "export AWS_PROFILE=<name> (or 'aws configure' for access keys); in GitHub Actions use " +
        "aws-actions/configure-aws-credentials with role-to-assume and 'permissions: id-token: write'.";

    public static async Task<AWSCredentials> ResolveAsync(AWSCredentials? explicitCredentials)
    {
        if (explicitCredentials is not null)
        {
            return explicitCredentials;
        }

        try
        {
            return await DefaultAWSCredentialsIdentityResolver.GetCredentialsAsync(null);
        }
        catch (AmazonClientException e)
        {
            // The SDK's own text lists what each provider found (a missing profile, an unset variable); it holds no secret.
            throw new AwsConfigurationException($"No usable AWS credentials were found. {Help}{Environment.NewLine}The SDK said: {e.Message}", e);
        }
    }
}
