using Slipway.Aws.Ecr;
using Slipway.Aws.Ecs;

namespace Slipway.Aws.Tests;

/// <summary>Endpoint overrides by the SDK's conventions; the environment is injected, not the process's.</summary>
public sealed class EndpointTests
{
    private static readonly Dictionary<string, string> Everything = new()
    {
        ["AWS_ENDPOINT_URL"] = "http://generic:4566",
        ["AWS_ENDPOINT_URL_ECS"] = "http://ecs-only:4566",
        ["AWS_ENDPOINT_URL_ECR"] = "http://ecr-only:4566",
    };

    [Fact]
    public void The_public_endpoints_of_the_region_are_the_default()
    {
        using var ecs = new AmazonECSClient(Options(new Dictionary<string, string>()));
        using var ecr = new AmazonECRClient(Options(new Dictionary<string, string>()));

        Assert.Equal(new Uri("https://ecs.eu-west-1.amazonaws.com/"), ecs.ServiceEndpoint);
        Assert.Equal(new Uri("https://api.ecr.eu-west-1.amazonaws.com/"), ecr.ServiceEndpoint);
    }

    [Fact]
    public void The_service_variable_beats_AWS_ENDPOINT_URL()
    {
        using var ecs = new AmazonECSClient(Options(Everything));
        using var ecr = new AmazonECRClient(Options(Everything));

        Assert.Equal(new Uri("http://ecs-only:4566"), ecs.ServiceEndpoint);
        Assert.Equal(new Uri("http://ecr-only:4566"), ecr.ServiceEndpoint);
    }

    [Fact]
    public void AWS_ENDPOINT_URL_applies_to_a_service_without_its_own_variable()
    {
        using var ecs = new AmazonECSClient(Options(new Dictionary<string, string> { ["AWS_ENDPOINT_URL"] = "http://generic:4566", ["AWS_ENDPOINT_URL_ECR"] = "http://ecr-only:4566" }));

        Assert.Equal(new Uri("http://generic:4566"), ecs.ServiceEndpoint);
    }

    [Fact]
    public void An_explicit_endpoint_beats_both_variables()
    {
        using var ecs = new AmazonECSClient(Options(Everything) with { ServiceUrl = "http://127.0.0.1:4566" });

        Assert.Equal(new Uri("http://127.0.0.1:4566"), ecs.ServiceEndpoint);
    }

    [Fact]
    public void AWS_IGNORE_CONFIGURED_ENDPOINT_URLS_ignores_the_variables()
    {
        using var ecs = new AmazonECSClient(Options(new Dictionary<string, string>(Everything) { ["AWS_IGNORE_CONFIGURED_ENDPOINT_URLS"] = "true" }));

        Assert.Equal(new Uri("https://ecs.eu-west-1.amazonaws.com/"), ecs.ServiceEndpoint);
    }

    [Fact]
    public void A_malformed_endpoint_is_a_configuration_error_naming_its_source()
    {
        var error = Assert.Throws<AwsConfigurationException>(() => new AmazonECSClient(Options(new Dictionary<string, string> { ["AWS_ENDPOINT_URL_ECS"] = "localhost:4566" })));

        Assert.Equal("The endpoint from AWS_ENDPOINT_URL_ECS is not an absolute http(s) URL: 'localhost:4566'.", error.Message);
    }

    [Theory]
    [InlineData("cn-north-1")]
    [InlineData("cn-northwest-1")]
    public void A_China_region_has_its_endpoints_under_amazonaws_com_cn(string region)
    {
        using var ecs = new AmazonECSClient(Options(new Dictionary<string, string>()) with { Region = region });
        using var ecr = new AmazonECRClient(Options(new Dictionary<string, string>()) with { Region = region });

        Assert.Equal(new Uri($"https://ecs.{region}.amazonaws.com.cn/"), ecs.ServiceEndpoint);
        Assert.Equal(new Uri($"https://api.ecr.{region}.amazonaws.com.cn/"), ecr.ServiceEndpoint);
    }

    [Fact]
    public void AWS_IGNORE_CONFIGURED_ENDPOINT_URLS_is_read_without_regard_to_case_and_only_when_true()
    {
        using var ignoring = new AmazonECSClient(Options(new Dictionary<string, string>(Everything) { ["AWS_IGNORE_CONFIGURED_ENDPOINT_URLS"] = "TRUE" }));
        using var heeding = new AmazonECSClient(Options(new Dictionary<string, string>(Everything) { ["AWS_IGNORE_CONFIGURED_ENDPOINT_URLS"] = "false" }));

        Assert.Equal(new Uri("https://ecs.eu-west-1.amazonaws.com/"), ignoring.ServiceEndpoint);
        Assert.Equal(new Uri("http://ecs-only:4566"), heeding.ServiceEndpoint);
    }

    [Fact]
    public void A_blank_service_variable_falls_back_on_AWS_ENDPOINT_URL_and_a_blank_explicit_endpoint_on_the_variables()
    {
        var environment = new Dictionary<string, string> { ["AWS_ENDPOINT_URL_ECS"] = " ", ["AWS_ENDPOINT_URL"] = "http://generic:4566" };
        using var ecs = new AmazonECSClient(Options(environment) with { ServiceUrl = " " });

        Assert.Equal(new Uri("http://generic:4566"), ecs.ServiceEndpoint);
    }

    [Theory]
    [InlineData("ftp://files:21/")]
    [InlineData("/relative/path")]
    public void An_endpoint_that_is_not_absolute_http_or_https_is_refused(string url)
    {
        var error = Assert.Throws<AwsConfigurationException>(() => new AmazonECSClient(Options(new Dictionary<string, string>()) with { ServiceUrl = url }));

        Assert.Equal($"The endpoint from the configured endpoint is not an absolute http(s) URL: '{url}'.", error.Message);
    }

    [Fact]
    public void An_https_endpoint_is_accepted_after_trimming()
    {
        using var ecs = new AmazonECSClient(Options(new Dictionary<string, string>()) with { ServiceUrl = " https://ecs.example.test/ " });

        Assert.Equal(new Uri("https://ecs.example.test/"), ecs.ServiceEndpoint);
    }

    private static AwsClientOptions Options(IReadOnlyDictionary<string, string> environment) => new()
    {
        Region = "eu-west-1",
        Credentials = new Amazon.Runtime.BasicAWSCredentials("testing", "testing"),
        GetEnvironmentVariable = name => environment.GetValueOrDefault(name),
    };
}
