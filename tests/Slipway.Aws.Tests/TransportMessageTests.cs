using System.Text;
using System.Text.Json;
using Slipway.Aws.Deployment;
using Slipway.Aws.Ecs;
using Slipway.Aws.Ecs.Model;
using Slipway.Aws.Tests.Support;
using Slipway.Aws.Transport;
using Task = System.Threading.Tasks.Task;

namespace Slipway.Aws.Tests;

/// <summary>The transport's refusals a caller reads, and its stream reading: what no other test reaches.</summary>
public sealed class TransportMessageTests
{
    [Fact]
    public void A_client_with_no_attempts_is_refused_when_it_is_made()
    {
        using var server = ScriptedServer.Always(new ScriptedResponse(200, "{}"));

        var error = Assert.Throws<ArgumentOutOfRangeException>(() => new AmazonECSClient(ScriptedClients.Options(server, maxAttempts: 0)));

        Assert.Equal(("options", 0), (error.ParamName, error.ActualValue));
        Assert.StartsWith("MaxAttempts must be at least 1.", error.Message, StringComparison.Ordinal);
        Assert.Equal(0, server.Count);
    }

    [Fact]
    public async Task A_response_of_the_wrong_shape_names_the_call_and_the_type_it_should_fit()
    {
        using var server = ScriptedServer.Always(new ScriptedResponse(200, """{"services":5}"""));
        using var ecs = new AmazonECSClient(ScriptedClients.Options(server, maxAttempts: 1));

        var error = await Assert.ThrowsAsync<InvalidDataException>(() => ecs.DescribeServicesAsync(new DescribeServicesRequest { Cluster = "c", Services = ["api"] }));

        Assert.StartsWith("ECS DescribeServices: the response does not fit DescribeServicesResponse: ", error.Message, StringComparison.Ordinal);
        Assert.IsAssignableFrom<JsonException>(error.InnerException);
    }

    [Fact]
    public async Task A_stream_is_read_to_its_end_into_the_model()
    {
        using var stream = new MemoryStream(Encoding.UTF8.GetBytes("""{"cluster":"c","services":["api","web"]}"""));

        var request = await AwsJson.DeserializeAsync<DescribeServicesRequest>(stream, CancellationToken.None);

        Assert.Equal("c", request.Cluster);
        Assert.Equal(["api", "web"], request.Services!);
        Assert.Equal("utf8Json", (await Assert.ThrowsAsync<ArgumentNullException>(() => AwsJson.DeserializeAsync<DescribeServicesRequest>(null!))).ParamName);
    }

    [Fact]
    public void A_null_timestamp_is_refused_by_name()
    {
        var error = Assert.ThrowsAny<JsonException>(() => AwsJson.Deserialize<DateTime>("null"u8));

        Assert.StartsWith("A timestamp may not be null.", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Masked_json_cannot_be_read_back()
    {
        var error = Assert.ThrowsAny<Exception>(() => JsonSerializer.Deserialize<ContainerDefinition>("""{"environment":"****"}""", AwsJson.DisplayOptions));

        var notSupported = Assert.IsType<NotSupportedException>(error);
        Assert.StartsWith("Masked JSON is for display and cannot be read back.", notSupported.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_request_that_is_not_a_json_object_cannot_carry_an_idempotency_token()
    {
        var error = Assert.Throws<ArgumentException>(() => IdempotencyTokens.Serialize("text", "clientToken"));

        Assert.Equal(("request", "String does not serialize to a JSON object. (Parameter 'request')"), (error.ParamName, error.Message));
    }

    [Fact]
    public void An_unconfigured_client_error_says_so_and_an_image_is_pinned_by_digest()
    {
        Assert.Equal("The AWS client is not configured.", new AwsConfigurationException().Message);
        var repository = new EcrRepository("slipway/api", "123456789012.dkr.ecr.eu-west-1.amazonaws.com/slipway/api", "123456789012", "arn", false, []);
        Assert.Equal("123456789012.dkr.ecr.eu-west-1.amazonaws.com/slipway/api@sha256:abc", repository.Pinned("sha256:abc"));
    }
}
