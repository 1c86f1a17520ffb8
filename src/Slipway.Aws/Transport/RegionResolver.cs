using Amazon.Runtime;

namespace Slipway.Aws.Transport;

/// <summary>
/// The explicit region, else <c>AWS_REGION</c>, else <c>AWS_DEFAULT_REGION</c> (the AWS CLI reads it; AWSSDK.Core 4.1
/// does not), else the SDK's chain (profile, instance metadata); never a silent default such as us-east-1.
/// </summary>
internal static class RegionResolver
{
    internal const string Help =
        "The AWS SDK looked for a region in: the environment variables AWS_REGION and AWS_DEFAULT_REGION; the 'region' of the " +
        "profile named by AWS_PROFILE (else 'default') in ~/.aws/config (or the file named by AWS_CONFIG_FILE); and the EC2 " +
        "instance metadata service. To fix it, set 'region' in the environment file, or export AWS_REGION (e.g. " +
        "AWS_REGION=eu-west-1), or run 'aws configure set region eu-west-1 --profile <name>'.";

    public static string Resolve(string? explicitRegion, Func<string, string?> environment)
    {
        foreach (var candidate in new[] { explicitRegion, environment("AWS_REGION"), environment("AWS_DEFAULT_REGION") })
        {
            if (!string.IsNullOrWhiteSpace(candidate))
            {
                return candidate.Trim();
            }
        }

        string? found;
        try
        {
            found = FallbackRegionFactory.GetRegionEndpoint()?.SystemName;
        }
        catch (AmazonClientException e)
        {
            throw new AwsConfigurationException("No AWS region could be determined. " + Help, e);
        }

        return string.IsNullOrWhiteSpace(found)
            ? throw new AwsConfigurationException("No AWS region is configured. " + Help)
            : found;
    }
}
