using System.Net;
using System.Text;
using System.Text.Json;
using Slipway.Aws.Transport;
using EcsModel = Slipway.Aws.Ecs.Model;

namespace Slipway.Aws.Tests;

/// <summary>Values on the wire that emulators send loosely, and the errors built without a response.</summary>
public sealed class WireValueTests
{
    [Theory]
    [InlineData("""{"cpu":0}""", "0")]
    [InlineData("""{"cpu":256.5}""", "256.5")]
    [InlineData("""{"cpu":"1024"}""", "1024")]
    [InlineData("""{"cpu":true}""", "true")]
    [InlineData("""{"cpu":false}""", "false")]
    public void A_number_or_boolean_where_the_model_says_string_is_read_as_its_JSON_text(string json, string cpu)
    {
        var container = AwsJson.Deserialize<EcsModel.TaskDefinition>(Encoding.UTF8.GetBytes(json));

        Assert.Equal(cpu, container.Cpu);
    }

    [Fact]
    public void A_string_member_written_is_a_JSON_string_and_null_is_left_out()
    {
        var json = Encoding.UTF8.GetString(AwsJson.Serialize(new EcsModel.TaskDefinition { Cpu = "256", Family = null }));

        Assert.Equal("""{"cpu":"256"}""", json);
    }

    [Fact]
    public void A_null_string_member_reads_as_absent()
    {
        var definition = AwsJson.Deserialize<EcsModel.TaskDefinition>("""{"cpu":null,"family":"api"}"""u8);

        Assert.Null(definition.Cpu);
        Assert.Equal("api", definition.Family);
    }

    [Fact]
    public void An_object_where_the_model_says_string_is_an_error_naming_what_was_found()
    {
        var error = Assert.Throws<JsonException>(() => AwsJson.Deserialize<EcsModel.TaskDefinition>("""{"cpu":{"units":1}}"""u8));

        Assert.Contains("Expected a string, found StartObject.", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_null_timestamp_member_reads_as_absent_and_a_quoted_number_as_epoch_seconds()
    {
        var absent = AwsJson.Deserialize<EcsModel.Deployment>("""{"createdAt":null}"""u8);
        var quoted = AwsJson.Deserialize<EcsModel.Deployment>("""{"createdAt":"1700000000.5"}"""u8);

        Assert.Null(absent.CreatedAt);
        Assert.Equal(new DateTime(2023, 11, 14, 22, 13, 20, 500, DateTimeKind.Utc), quoted.CreatedAt);
    }

    [Fact]
    public void A_timestamp_is_written_as_epoch_seconds_with_milliseconds()
    {
        var json = Encoding.UTF8.GetString(AwsJson.Serialize(new EcsModel.Deployment { CreatedAt = new DateTime(2023, 11, 14, 22, 13, 20, 123, DateTimeKind.Utc) }));

        Assert.Equal("""{"createdAt":1700000000.123}""", json);
    }

    [Fact]
    public void An_empty_body_reads_as_an_empty_response()
    {
        var response = AwsJson.Deserialize<EcsModel.ListTasksResponse>([]);

        Assert.Null(response.TaskArns);
    }

    [Fact]
    public void An_exception_made_without_a_response_names_its_type_as_the_code()
    {
        var plain = new AwsServiceException();
        var typed = new EcsModel.ClusterNotFoundException(new AwsErrorDetails("ClusterNotFoundException", "gone", HttpStatusCode.BadRequest, "req-1", "ECS ListTasks"));

        Assert.Equal(("The AWS service reported an error.", nameof(AwsServiceException)), (plain.Message, plain.ErrorCode));
        Assert.Equal((nameof(AwsServiceException), "boom"), (new AwsServiceException("boom").ErrorCode, new AwsServiceException("boom").Message));
        Assert.Equal(("gone", HttpStatusCode.BadRequest, "req-1", "ECS ListTasks"), (typed.Message, typed.StatusCode, typed.RequestId, typed.Operation));
    }
}
