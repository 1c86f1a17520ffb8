using Slipway.Aws.Ecr;
using Slipway.Aws.Ecs;
using Slipway.Aws.Ecs.Model;
using Slipway.Aws.Tests.Support;
using Task = System.Threading.Tasks.Task;

namespace Slipway.Aws.Tests;

/// <summary>The SDK's own chains, in a process environment where they find only what the test puts there.</summary>
[Collection(ProcessEnvironment.Name)]
public sealed class CredentialAndRegionTests
{
    [Fact]
    public async Task Without_credentials_anywhere_the_error_names_where_the_SDK_looked_and_how_to_fix_it()
    {
        using var environment = new IsolatedEnvironment();
        using var server = ScriptedServer.Always(new ScriptedResponse(200, "{}"));
        using var ecs = new AmazonECSClient(new AwsClientOptions { ServiceUrl = server.Url, Region = "us-east-1" });

        var error = await Assert.ThrowsAsync<AwsConfigurationException>(() => ecs.ListTasksAsync(new ListTasksRequest()));

        Assert.StartsWith("No usable AWS credentials were found.", error.Message, StringComparison.Ordinal);
        foreach (var place in new[] { "AWS_ACCESS_KEY_ID", "AWS_PROFILE", "~/.aws/credentials", "~/.aws/config", "SSO", "AWS_WEB_IDENTITY_TOKEN_FILE", "AWS_CONTAINER_CREDENTIALS_RELATIVE_URI", "EC2 instance metadata" })
        {
            Assert.Contains(place, error.Message, StringComparison.Ordinal);
        }

        Assert.Contains("aws sso login", error.Message, StringComparison.Ordinal);
        Assert.Equal(0, server.Count);
    }

    [Fact]
    public async Task A_half_configured_secret_in_the_environment_is_not_repeated_in_the_error()
    {
        using var environment = new IsolatedEnvironment();
        environment.Set("AWS_SECRET_ACCESS_KEY", "env-secret-value-do-not-print");
        environment.Set("AWS_SESSION_TOKEN", "env-session-token-do-not-print");
        using var server = ScriptedServer.Always(new ScriptedResponse(200, "{}"));
        var log = new RecordingLog();
        using var ecs = new AmazonECSClient(new AwsClientOptions { ServiceUrl = server.Url, Region = "us-east-1", Log = log });

        var error = await Assert.ThrowsAsync<AwsConfigurationException>(() => ecs.ListTasksAsync(new ListTasksRequest()));

        var everything = error + log.Text;
        Assert.DoesNotContain("env-secret-value-do-not-print", everything, StringComparison.Ordinal);
        Assert.DoesNotContain("env-session-token-do-not-print", everything, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Credentials_from_the_environment_are_used_when_none_are_given()
    {
        using var environment = new IsolatedEnvironment();
        environment.Set("AWS_ACCESS_KEY_ID", "TESTENVIRONMENT0001");
        environment.Set("AWS_SECRET_ACCESS_KEY", "environment-secret");
        using var server = ScriptedServer.Always(new ScriptedResponse(200, "{}"));
        using var ecs = new AmazonECSClient(new AwsClientOptions { ServiceUrl = server.Url, Region = "us-east-1" });

        await ecs.ListTasksAsync(new ListTasksRequest());

        Assert.StartsWith("AWS4-HMAC-SHA256 Credential=TESTENVIRONMENT0001/", Assert.Single(server.Received).Headers["Authorization"], StringComparison.Ordinal);
    }

    [Fact]
    public void Without_a_region_anywhere_the_error_names_where_the_SDK_looked_and_how_to_fix_it()
    {
        using var environment = new IsolatedEnvironment();

        var error = Assert.Throws<AwsConfigurationException>(() => new AmazonECRClient());

        Assert.StartsWith("No AWS region is configured.", error.Message, StringComparison.Ordinal);
        foreach (var place in new[] { "AWS_REGION", "AWS_DEFAULT_REGION", "AWS_PROFILE", "~/.aws/config", "instance metadata", "environment file" })
        {
            Assert.Contains(place, error.Message, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void The_region_comes_from_the_SDK_chain_when_not_given()
    {
        using var environment = new IsolatedEnvironment();
        environment.Set("AWS_REGION", "eu-central-1");

        using var ecr = new AmazonECRClient();

        Assert.Equal("eu-central-1", ecr.Region);
        Assert.Equal(new Uri("https://api.ecr.eu-central-1.amazonaws.com/"), ecr.ServiceEndpoint);
    }
}
