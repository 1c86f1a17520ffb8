using Amazon.Runtime;
using Slipway.Aws;
using Slipway.Aws.Deployment;
using Slipway.Aws.Deployment.Environments;

namespace Slipway.Components;

/// <summary>
/// The environment a deploy goes to (<c>--environment</c>, a file in <c>deploy/environments</c>), the AWS clients
/// that reach it, and the account check every deploying target makes before it changes anything.
/// </summary>
public interface IDeployEnvironment : IHazArtifacts
{
    AbsolutePath DeployDirectory => RootDirectory / "deploy";

    AbsolutePath EnvironmentsDirectory => DeployDirectory / "environments";

    [Parameter("Environment to deploy to: one of the files in deploy/environments", Name = "Environment", ValueProviderMember = nameof(EnvironmentNames))]
    string EnvironmentName => TryGetValue(() => EnvironmentName) ?? "local";

    /// <summary>The environments present: what <c>--environment</c> accepts.</summary>
    IEnumerable<string> EnvironmentNames => new EnvironmentFiles(EnvironmentsDirectory).Names();

    [Parameter("Show what the deploy would change (the rendered task definition, its diff, the calls) and change nothing")]
    bool DryRun => TryGetValue<bool>(() => DryRun) ?? false;

    /// <summary>The environment file, read strictly; a bad one is a usage error naming the file and field.</summary>
    DeployEnvironment DeployEnvironment
    {
        get
        {
            try
            {
                return new EnvironmentFiles(EnvironmentsDirectory).Load(EnvironmentName);
            }
            catch (DeployConfigurationException e)
            {
                throw new UsageException(e.Message, e);
            }
        }
    }

    /// <summary>Credentials to sign with; null (the default) asks the SDK's chain. Tests give fixed keys here.</summary>
    AWSCredentials? AwsCredentials => null;

    /// <summary>
    /// Options for an AWS client of the environment. The local cloud checks no signature, so a local environment
    /// signs with fixed placeholder keys and needs no AWS account; an AWS one uses the SDK's credential chain.
    /// </summary>
    AwsClientOptions AwsOptions(DeployEnvironment environment, string? endpoint) => new()
    {
        Region = environment.Region,
        ServiceUrl = endpoint,
        Credentials = AwsCredentials ?? (environment.IsLocal ? new BasicAWSCredentials("slipway-local", "slipway-local") : null),
        Log = Log,
        TimeProvider = TimeProvider,
    };

    /// <summary>
    /// STS GetCallerIdentity, refused (exit 2, nothing changed) when the account is not the environment's. Asked once a
    /// build: the targets after the first reuse the answer (the credentials do not change within a run).
    /// </summary>
    async Task<CallerIdentity> VerifyAccountAsync(DeployEnvironment environment, CancellationToken cancellationToken)
    {
        var first = false;
        var look = DeployRunMemory.Of(this).Callers.GetOrAdd($"{environment.Name}|{environment.Endpoints.Sts}", _ =>
        {
            first = true;
            return new Lazy<Task<CallerIdentity>>(() => AccountCheck.VerifyAsync(environment, AwsOptions(environment, environment.Endpoints.Sts), cancellationToken));
        });
        CallerIdentity caller;
        try
        {
            caller = await look.Value;
        }
        catch (Exception e) when (e is DeployConfigurationException or AwsConfigurationException)
        {
            throw new UsageException(e.Message, e);
        }

        if (first)
        {
            Log.Information($"Environment '{environment.Name}': account {caller.Account}, region {environment.Region}, caller {caller.Arn}");
        }

        return caller;
    }
}
