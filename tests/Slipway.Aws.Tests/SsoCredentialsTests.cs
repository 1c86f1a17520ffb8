using Amazon.Runtime;
using Slipway.Aws.Ecs;
using Slipway.Aws.Ecs.Model;
using Slipway.Aws.Tests.Support;
using Task = System.Threading.Tasks.Task;

namespace Slipway.Aws.Tests;

/// <summary>SSO credentials that fail when first used (no login, or an expired one) say how to log in again.</summary>
[Collection(ProcessEnvironment.Name)]
public sealed class SsoCredentialsTests
{
    [Fact]
    public async Task SSO_credentials_without_a_cached_login_name_the_SSO_profile_and_say_to_log_in_again()
    {
        using var environment = new IsolatedEnvironment();
        var home = Directory.CreateTempSubdirectory("slipway-aws-home-").FullName;
        try
        {
            environment.Set("HOME", home);
            var sso = new SSOAWSCredentials("123456789012", "eu-west-1", "Deploy", "https://example.awsapps.com/start", new SSOAWSCredentialsOptions());
            using var server = ScriptedServer.Always(new ScriptedResponse(200, "{}"));
            using var ecs = new AmazonECSClient(new AwsClientOptions { ServiceUrl = server.Url, Region = "us-east-1", Credentials = sso, GetEnvironmentVariable = _ => null });

            var error = await Assert.ThrowsAsync<AwsConfigurationException>(() => ecs.ListTasksAsync(new ListTasksRequest()));

            Assert.StartsWith("The AWS credentials from the SSO profile could not be obtained: ", error.Message, StringComparison.Ordinal);
            Assert.EndsWith(". Run 'aws sso login --profile <name>' (the session may have expired), then try again.", error.Message, StringComparison.Ordinal);
            Assert.Equal(0, server.Count);
        }
        finally
        {
            Directory.Delete(home, recursive: true);
        }
    }
}
