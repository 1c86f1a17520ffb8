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

    private static AwsClientOptions Options(IReadOnlyDictionary<string, string> environment) => new()
    {
        Region = "eu-west-1",
        Credentials = new Amazon.Runtime.BasicAWSCredentials("testing", "testing"),
        GetEnvironmentVariable = name => environment.GetValueOrDefault(name),
    };
}
