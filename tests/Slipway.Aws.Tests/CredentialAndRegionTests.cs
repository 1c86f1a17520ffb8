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

/// <summary>
/// Credential sources that fail only when used (web identity, SSO), against moto's STS and scripted failures, in a
/// process environment where the SDK finds only what the test puts there.
/// </summary>
[Collection(ProcessEnvironment.Name)]
public sealed class SigningTimeCredentialTests
{
    private const string Token = "eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiJyZXBvOmFjbWUvYXBpIn0.c2lnbmF0dXJlLXRoYXQtbXVzdC1ub3QtbGVhaw";

    [Fact]
    public async Task Web_identity_credentials_come_from_STS_AssumeRoleWithWebIdentity_as_GitHub_OIDC_sets_them_up()
    {
        using var environment = new IsolatedEnvironment();
        var moto = new MotoServer();
        await moto.InitializeAsync();
        try
        {
            var tokenFile = WebIdentity(environment, moto.Url);
            await File.WriteAllTextAsync(tokenFile, Token);
            using var server = ScriptedServer.Always(new ScriptedResponse(200, "{}"));
            using var ecs = new AmazonECSClient(new AwsClientOptions { ServiceUrl = server.Url, Region = "us-east-1" });

            await ecs.ListTasksAsync(new ListTasksRequest());

            var headers = Assert.Single(server.Received).Headers;
            Assert.Matches("^AWS4-HMAC-SHA256 Credential=ASIA[A-Z0-9]+/", headers["Authorization"]);
            Assert.False(string.IsNullOrEmpty(headers["X-Amz-Security-Token"]));
        }
        finally
        {
            await moto.DisposeAsync();
        }
    }

    /// <summary>Not shaped like a JWT: only the token file itself says it is a secret.</summary>
    private const string OpaqueToken = "opaque-identity-token-6f1d2c9a8b7e";

    [Theory]
    [InlineData(Token)]
    [InlineData(OpaqueToken)]
    public async Task A_web_identity_failure_is_a_configuration_error_without_the_token_and_the_next_call_tries_again(string token)
    {
        using var environment = new IsolatedEnvironment();
        var moto = new MotoServer();
        await moto.InitializeAsync();
        try
        {
            // STS refuses the token and echoes it, as an identity provider's error may.
            var refusal = $"""<ErrorResponse xmlns="https://sts.amazonaws.com/doc/2011-06-15/"><Error><Type>Sender</Type><Code>InvalidIdentityToken</Code><Message>Incorrect token audience in {token}</Message></Error><RequestId>r-1</RequestId></ErrorResponse>""";
            using var sts = ScriptedServer.Always(new ScriptedResponse(400, refusal, new Dictionary<string, string> { ["Content-Type"] = "text/xml" }));
            var tokenFile = WebIdentity(environment, sts.Url);
            await File.WriteAllTextAsync(tokenFile, token);
            using var server = ScriptedServer.Always(new ScriptedResponse(200, "{}"));
            var log = new RecordingLog();
            using var ecs = new AmazonECSClient(new AwsClientOptions { ServiceUrl = server.Url, Region = "us-east-1", Log = log });

            var error = await Assert.ThrowsAsync<AwsConfigurationException>(() => ecs.ListTasksAsync(new ListTasksRequest()));

            Assert.StartsWith("The AWS credentials from web identity (role arn:aws:iam::123456789012:role/deploy", error.Message, StringComparison.Ordinal);
            Assert.Contains("id-token: write", error.Message, StringComparison.Ordinal);
            Assert.Contains("InvalidIdentityToken", error.ToString(), StringComparison.Ordinal);
            Assert.All(token.Split('.').Append(token), part => Assert.DoesNotContain(part, error + log.Text, StringComparison.Ordinal));
            Assert.Equal(0, server.Count);

            // The cause goes away (here: STS answers); the same client's next call succeeds.
            environment.Set("AWS_ENDPOINT_URL_STS", moto.Url);
            await ecs.ListTasksAsync(new ListTasksRequest());

            Assert.Matches("^AWS4-HMAC-SHA256 Credential=ASIA[A-Z0-9]+/", Assert.Single(server.Received).Headers["Authorization"]);
        }
        finally
        {
            await moto.DisposeAsync();
        }
    }

    [Fact]
    public async Task An_SSO_profile_without_a_login_is_a_configuration_error_that_says_to_log_in()
    {
        using var environment = new IsolatedEnvironment();
        var home = Directory.CreateTempSubdirectory("slipway-aws-home-").FullName;
        try
        {
            environment.Set("HOME", home);
            await File.WriteAllTextAsync(environment.ConfigFile, """
                [profile deploy]
                sso_session = corp
                sso_account_id = 123456789012
                sso_role_name = Deploy
                region = eu-west-1

                [sso-session corp]
                sso_start_url = https://example.awsapps.com/start
                sso_region = eu-west-1
                sso_registration_scopes = sso:account:access
                """);
            environment.Set("AWS_PROFILE", "deploy");
            using var server = ScriptedServer.Always(new ScriptedResponse(200, "{}"));
            using var ecs = new AmazonECSClient(new AwsClientOptions { ServiceUrl = server.Url, Region = "us-east-1" });

            var error = await Assert.ThrowsAsync<AwsConfigurationException>(() => ecs.ListTasksAsync(new ListTasksRequest()));

            Assert.Contains("aws sso login", error.Message, StringComparison.Ordinal);
            Assert.Equal(0, server.Count);
        }
        finally
        {
            Directory.Delete(home, recursive: true);
        }
    }

    [Fact]
    public void AWS_DEFAULT_REGION_is_read_when_AWS_REGION_is_absent_as_the_AWS_CLI_does()
    {
        using var environment = new IsolatedEnvironment();
        environment.Set("AWS_DEFAULT_REGION", "ap-southeast-2");

        using var ecs = new AmazonECSClient();

        Assert.Equal("ap-southeast-2", ecs.Region);
    }

    [Fact]
    public void AWS_REGION_wins_over_AWS_DEFAULT_REGION()
    {
        using var environment = new IsolatedEnvironment();
        environment.Set("AWS_DEFAULT_REGION", "ap-southeast-2");
        environment.Set("AWS_REGION", "eu-north-1");

        using var ecs = new AmazonECSClient();

        Assert.Equal("eu-north-1", ecs.Region);
    }

    private static string WebIdentity(IsolatedEnvironment environment, string stsUrl)
    {
        var tokenFile = Path.Combine(environment.Directory, "web-identity-token");
        environment.Set("AWS_WEB_IDENTITY_TOKEN_FILE", tokenFile);
        environment.Set("AWS_ROLE_ARN", "arn:aws:iam::123456789012:role/deploy");
        environment.Set("AWS_ROLE_SESSION_NAME", "slipway-test");
        environment.Set("AWS_REGION", "us-east-1");
        environment.Set("AWS_ENDPOINT_URL_STS", stsUrl);
        return tokenFile;
    }
}
