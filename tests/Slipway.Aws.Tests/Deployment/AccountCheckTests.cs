using Amazon.Runtime;
using Slipway.Aws.Deployment;
using Slipway.Aws.Deployment.Environments;
using Slipway.Aws.Tests.Support;

namespace Slipway.Aws.Tests.Deployment;

[Collection(ProcessEnvironment.Name)]
public sealed class AccountCheckTests
{
    private static DeployEnvironment Environment(string sts) => new()
    {
        Name = "staging",
        File = "deploy/environments/staging.json",
        Account = "123456789012",
        Region = "us-east-1",
        Cluster = "c",
        Service = "s",
        Repository = "slipway/api",
        Endpoints = new EnvironmentEndpoints { Sts = sts },
    };

    [Fact]
    public async Task Missing_credentials_say_where_the_SDK_looked_and_how_to_fix_it()
    {
        using var isolated = new IsolatedEnvironment();
        var options = new AwsClientOptions { Region = "us-east-1", GetEnvironmentVariable = _ => null };

        var error = await Assert.ThrowsAsync<AwsConfigurationException>(() => AccountCheck.VerifyAsync(Environment("http://127.0.0.1:1"), options, CancellationToken.None));

        Assert.Contains("No usable AWS credentials were found", error.Message, StringComparison.Ordinal);
        Assert.Contains("aws sso login", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_unreachable_endpoint_names_it_without_the_secret_key()
    {
        const string secret = "sentinel-secret-key-0123456789";
        var closed = $"http://127.0.0.1:{FreePort.Next()}";
        var options = new AwsClientOptions { Region = "us-east-1", Credentials = new BasicAWSCredentials("AKIDSENTINEL", secret), MaxAttempts = 1, GetEnvironmentVariable = _ => null };

        var error = await Assert.ThrowsAsync<HttpRequestException>(() => AccountCheck.VerifyAsync(Environment(closed), options, CancellationToken.None));

        Assert.Contains($"STS could not be reached at {closed}", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(secret, error.ToString(), StringComparison.Ordinal);
    }
}
