using System.Net;
using Slipway.Aws.Ecr;
using Slipway.Aws.Ecs;
using Slipway.Aws.Tests.Support;
using Slipway.Aws.Transport;
using EcrModel = Slipway.Aws.Ecr.Model;
using EcsModel = Slipway.Aws.Ecs.Model;
using Task = System.Threading.Tasks.Task;

namespace Slipway.Aws.Tests;

/// <summary>Error responses moto does not produce, written as AWS sends them.</summary>
public sealed class ErrorMappingTests
{
    [Fact]
    public async Task A_namespaced___type_is_stripped_and_mapped_to_ServiceNotActiveException()
    {
        using var server = ScriptedServer.Always(ScriptedClients.Error(400, "com.amazonaws.ecs#ServiceNotActiveException", "Service was not ACTIVE."));
        using var ecs = new AmazonECSClient(ScriptedClients.Options(server));

        var error = await Assert.ThrowsAsync<EcsModel.ServiceNotActiveException>(() => ecs.UpdateServiceAsync(new EcsModel.UpdateServiceRequest { Service = "api" }));

        Assert.Equal(("ServiceNotActiveException", "Service was not ACTIVE."), (error.ErrorCode, error.Message));
    }

    [Fact]
    public async Task The_x_amzn_ErrorType_header_names_the_error_and_loses_its_suffix()
    {
        var headers = new Dictionary<string, string>
        {
            ["x-amzn-ErrorType"] = "ImageTagAlreadyExistsException:http://internal.amazon.com/coral/com.amazonaws.ecr/",
            ["x-amzn-RequestId"] = "8f4b6a3e-0000-4000-8000-000000000001",
        };
        using var server = ScriptedServer.Always(new ScriptedResponse(400, """{"message":"The image tag '1.0.0' already exists in the 'api' repository and cannot be overwritten because the repository is immutable."}""", headers));
        using var ecr = new AmazonECRClient(ScriptedClients.Options(server));

        var error = await Assert.ThrowsAsync<EcrModel.ImageTagAlreadyExistsException>(
            () => ecr.PutImageAsync(new EcrModel.PutImageRequest { RepositoryName = "api", ImageManifest = "{}", ImageTag = "1.0.0" }));

        Assert.StartsWith("The image tag '1.0.0' already exists", error.Message, StringComparison.Ordinal);
        Assert.Equal("8f4b6a3e-0000-4000-8000-000000000001", error.RequestId);
    }

    [Fact]
    public async Task An_unknown_code_becomes_AwsServiceException_carrying_the_code()
    {
        using var server = ScriptedServer.Always(ScriptedClients.Error(400, "com.amazonaws.ecs#BrandNewException", "Something new."));
        using var ecs = new AmazonECSClient(ScriptedClients.Options(server));

        var error = await Assert.ThrowsAsync<AwsServiceException>(() => ecs.ListTasksAsync(new EcsModel.ListTasksRequest()));

        Assert.Equal(("BrandNewException", "Something new.", HttpStatusCode.BadRequest, "ECS ListTasks"), (error.ErrorCode, error.Message, error.StatusCode, error.Operation));
    }

    [Fact]
    public async Task AccessDeniedException_is_typed_for_every_service()
    {
        using var server = ScriptedServer.Always(ScriptedClients.Error(400, "AccessDeniedException", "User is not authorized to perform: ecr:CreateRepository"));
        using var ecr = new AmazonECRClient(ScriptedClients.Options(server));

        var error = await Assert.ThrowsAsync<AccessDeniedException>(() => ecr.CreateRepositoryAsync(new EcrModel.CreateRepositoryRequest { RepositoryName = "api" }));

        Assert.Contains("ecr:CreateRepository", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_non_json_error_body_is_reported_by_status_with_a_short_echo()
    {
        using var server = ScriptedServer.Always(new ScriptedResponse(502, "<html>Bad Gateway</html>"));
        using var ecs = new AmazonECSClient(ScriptedClients.Options(server, maxAttempts: 1));

        var error = await Assert.ThrowsAsync<AwsServiceException>(() => ecs.ListTasksAsync(new EcsModel.ListTasksRequest()));

        Assert.Equal(("InternalFailure", "<html>Bad Gateway</html>"), (error.ErrorCode, error.Message));
    }

    [Theory]
    [InlineData("ClusterNotFoundException", "ClusterNotFoundException")]
    [InlineData("com.amazonaws.ecs#ClusterNotFoundException", "ClusterNotFoundException")]
    [InlineData("aws.protocoltests#ComplexError:http://internal.amazon.com/", "ComplexError")]
    public void CodeFromBody_strips_the_namespace_and_any_suffix(string type, string expected)
        => Assert.Equal(expected, AwsErrorReader.CodeFromBody(type));

    [Theory]
    [InlineData("ServiceNotFoundException", "ServiceNotFoundException")]
    [InlineData("ServiceNotFoundException:http://internal.amazon.com/coral/com.amazonaws.ecs/", "ServiceNotFoundException")]
    public void CodeFromHeader_strips_the_suffix(string header, string expected)
        => Assert.Equal(expected, AwsErrorReader.CodeFromHeader(header));

    [Fact]
    public async Task A_code_member_names_the_error_when_the_body_has_no___type()
    {
        using var server = ScriptedServer.Always(new ScriptedResponse(400, """{"Code":"ClusterNotFoundException","Message":"Cluster not found."}"""));
        using var ecs = new AmazonECSClient(ScriptedClients.Options(server));

        var error = await Assert.ThrowsAsync<EcsModel.ClusterNotFoundException>(() => ecs.ListTasksAsync(new EcsModel.ListTasksRequest()));

        Assert.Equal(("ClusterNotFoundException", "Cluster not found."), (error.ErrorCode, error.Message));
    }

    [Theory]
    [InlineData("""{"code":"ServerException","__type":"ClusterNotFoundException","message":"m"}""")]
    [InlineData("""{"__type":"ClusterNotFoundException","code":"ServerException","message":"m"}""")]
    public async Task A___type_beats_a_code_member_wherever_either_stands(string body)
    {
        using var server = ScriptedServer.Always(new ScriptedResponse(400, body));
        using var ecs = new AmazonECSClient(ScriptedClients.Options(server));

        var error = await Assert.ThrowsAsync<EcsModel.ClusterNotFoundException>(() => ecs.ListTasksAsync(new EcsModel.ListTasksRequest()));

        Assert.Equal(("ClusterNotFoundException", "m"), (error.ErrorCode, error.Message));
    }

    [Fact]
    public async Task A_non_string___type_is_ignored_and_errorMessage_is_the_message()
    {
        using var server = ScriptedServer.Always(new ScriptedResponse(400, """{"__type":7,"code":"ClusterNotFoundException","errorMessage":"From errorMessage."}"""));
        using var ecs = new AmazonECSClient(ScriptedClients.Options(server));

        var error = await Assert.ThrowsAsync<EcsModel.ClusterNotFoundException>(() => ecs.ListTasksAsync(new EcsModel.ListTasksRequest()));

        Assert.Equal("From errorMessage.", error.Message);
    }

    [Theory]
    [InlineData(500, "InternalFailure")]
    [InlineData(503, "InternalFailure")]
    [InlineData(403, "AccessDenied")]
    [InlineData(404, "NotFound")]
    [InlineData(400, "UnknownError")]
    [InlineData(409, "UnknownError")]
    public async Task A_bodyless_error_is_named_by_its_status_and_the_name_is_the_message(int status, string code)
    {
        using var server = ScriptedServer.Always(new ScriptedResponse(status, ""));
        using var ecs = new AmazonECSClient(ScriptedClients.Options(server, maxAttempts: 1));

        var error = await Assert.ThrowsAnyAsync<AwsServiceException>(() => ecs.ListTasksAsync(new EcsModel.ListTasksRequest()));

        Assert.Equal((code, code, (HttpStatusCode)status), (error.ErrorCode, error.Message, error.StatusCode));
    }

    [Fact]
    public async Task A_bodyless_403_is_an_AccessDeniedException_and_a_bodyless_429_a_ThrottlingException()
    {
        using var denied = ScriptedServer.Always(new ScriptedResponse(403, ""));
        using var throttled = ScriptedServer.Always(new ScriptedResponse(429, ""));
        using var deniedEcs = new AmazonECSClient(ScriptedClients.Options(denied, maxAttempts: 1));
        using var throttledEcs = new AmazonECSClient(ScriptedClients.Options(throttled, maxAttempts: 1));

        await Assert.ThrowsAsync<AccessDeniedException>(() => deniedEcs.ListTasksAsync(new EcsModel.ListTasksRequest()));
        var error = await Assert.ThrowsAsync<ThrottlingException>(() => throttledEcs.ListTasksAsync(new EcsModel.ListTasksRequest()));
        Assert.Equal("TooManyRequestsException", error.ErrorCode);
    }

    [Fact]
    public async Task A_long_non_json_body_is_echoed_in_its_first_200_characters()
    {
        var page = "<html>" + new string('x', 300) + "</html>";
        using var server = ScriptedServer.Always(new ScriptedResponse(400, page));
        using var ecs = new AmazonECSClient(ScriptedClients.Options(server, maxAttempts: 1));

        var error = await Assert.ThrowsAsync<AwsServiceException>(() => ecs.ListTasksAsync(new EcsModel.ListTasksRequest()));

        Assert.Equal(("UnknownError", page[..200]), (error.ErrorCode, error.Message));
    }

    [Fact]
    public async Task A_blank_non_json_body_leaves_the_code_as_the_message()
    {
        using var server = ScriptedServer.Always(new ScriptedResponse(502, "   "));
        using var ecs = new AmazonECSClient(ScriptedClients.Options(server, maxAttempts: 1));

        var error = await Assert.ThrowsAsync<AwsServiceException>(() => ecs.ListTasksAsync(new EcsModel.ListTasksRequest()));

        Assert.Equal(("InternalFailure", "InternalFailure"), (error.ErrorCode, error.Message));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("  ")]
    public void No_header_and_a_blank___type_name_no_error(string? value)
    {
        Assert.Null(AwsErrorReader.CodeFromHeader(value));
        Assert.Null(AwsErrorReader.CodeFromBody(value));
    }

    [Theory]
    [InlineData(" ClusterNotFoundException ", "ClusterNotFoundException")]
    [InlineData("ns#Inner#ClusterNotFoundException", "ClusterNotFoundException")]
    public void CodeFromBody_trims_and_keeps_what_follows_the_last_hash(string type, string expected)
        => Assert.Equal(expected, AwsErrorReader.CodeFromBody(type));

    [Theory]
    [InlineData(":http://internal.amazon.com/coral/com.amazonaws.ecs/")]
    [InlineData(" : suffix")]
    public void A_header_or_type_with_only_a_suffix_names_no_error(string value)
    {
        Assert.Null(AwsErrorReader.CodeFromHeader(value));
        Assert.Null(AwsErrorReader.CodeFromBody(value));
        Assert.Null(AwsErrorReader.CodeFromBody("com.amazonaws.ecs#" + value));
    }
}
