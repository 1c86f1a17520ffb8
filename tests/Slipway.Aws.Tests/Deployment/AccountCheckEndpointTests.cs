using Amazon.Runtime;
using Slipway.Aws.Deployment;
using Slipway.Aws.Tests.Support;

namespace Slipway.Aws.Tests.Deployment;

/// <summary>Which STS endpoint the account check asks (the variables the AWS CLI honours too), and what it says when STS answers oddly.</summary>
[Collection(ProcessEnvironment.Name)]
public sealed class AccountCheckEndpointTests
{
    private const string StsXml = "https://sts.amazonaws.com/doc/2011-06-15/";

    private static AwsClientOptions Options(string region, params (string Name, string Value)[] variables) => new()
    {
        Region = region,
        Credentials = new BasicAWSCredentials("AKIDEXAMPLE", "secret"),
        MaxAttempts = 1,
        AttemptTimeout = TimeSpan.FromSeconds(10),
        GetEnvironmentVariable = name => variables.FirstOrDefault(v => v.Name == name).Value,
    };

    private static async Task<string> Unreachable(AwsClientOptions options) =>
        (await Assert.ThrowsAsync<HttpRequestException>(() => AccountCheck.GetCallerIdentityAsync(options, CancellationToken.None))).Message;

    [Fact]
    public async Task The_sts_endpoint_variable_wins_over_the_general_one()
    {
        using var isolated = new IsolatedEnvironment();
        var sts = $"http://127.0.0.1:{FreePort.Next()}";
        var general = $"http://127.0.0.1:{FreePort.Next()}";

        var message = await Unreachable(Options("us-east-1", ("AWS_ENDPOINT_URL_STS", sts), ("AWS_ENDPOINT_URL", general)));

        Assert.StartsWith($"STS could not be reached at {sts} (", message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Without_the_sts_variable_the_general_endpoint_variable_is_used()
    {
        using var isolated = new IsolatedEnvironment();
        var general = $"http://127.0.0.1:{FreePort.Next()}";

        var message = await Unreachable(Options("us-east-1", ("AWS_ENDPOINT_URL_STS", ""), ("AWS_ENDPOINT_URL", general)));

        Assert.StartsWith($"STS could not be reached at {general} (", message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Ignoring_configured_endpoints_asks_the_regions_own_sts_endpoint()
    {
        using var isolated = new IsolatedEnvironment();
        var sts = $"http://127.0.0.1:{FreePort.Next()}";

        // A region that does not exist: its endpoint's name cannot resolve, so nothing leaves this machine.
        var message = await Unreachable(Options("xx-nowhere-1", ("AWS_IGNORE_CONFIGURED_ENDPOINT_URLS", "TRUE"), ("AWS_ENDPOINT_URL_STS", sts)));

        Assert.StartsWith("STS could not be reached at the regional STS endpoint (", message, StringComparison.Ordinal);
        Assert.Contains("sts.xx-nowhere-1.amazonaws.com", message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Credentials_sts_refuses_are_a_configuration_error_with_sts_code_and_message_and_how_to_fix_it()
    {
        using var isolated = new IsolatedEnvironment();
        using var server = ScriptedServer.Always(new ScriptedResponse(
            403,
            $"""<ErrorResponse xmlns="{StsXml}"><Error><Type>Sender</Type><Code>InvalidClientTokenId</Code><Message>The security token included in the request is invalid.</Message></Error><RequestId>r-1</RequestId></ErrorResponse>""",
            new Dictionary<string, string> { ["Content-Type"] = "text/xml" }));

        var error = await Assert.ThrowsAsync<AwsConfigurationException>(
            () => AccountCheck.GetCallerIdentityAsync(Options("us-east-1", ("AWS_ENDPOINT_URL_STS", server.Url)), CancellationToken.None));

        Assert.Equal(
            $"STS GetCallerIdentity at {server.Url} refused the credentials (InvalidClientTokenId): The security token included in the request is invalid. "
            + Slipway.Aws.Transport.CredentialResolver.Help,
            error.Message);
    }

    [Fact]
    public async Task An_identity_sts_leaves_empty_is_empty_text_rather_than_null()
    {
        using var isolated = new IsolatedEnvironment();
        using var server = ScriptedServer.Always(new ScriptedResponse(
            200,
            $"""<GetCallerIdentityResponse xmlns="{StsXml}"><GetCallerIdentityResult></GetCallerIdentityResult><ResponseMetadata><RequestId>r-2</RequestId></ResponseMetadata></GetCallerIdentityResponse>""",
            new Dictionary<string, string> { ["Content-Type"] = "text/xml" }));

        var identity = await AccountCheck.GetCallerIdentityAsync(Options("us-east-1", ("AWS_ENDPOINT_URL", server.Url)), CancellationToken.None);

        Assert.Equal(new CallerIdentity("", "", ""), identity);
    }
}
