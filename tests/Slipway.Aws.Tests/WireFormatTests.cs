using System.Text.Json;
using Slipway.Aws.Ecr;
using Slipway.Aws.Ecs;
using Slipway.Aws.Tests.Support;
using EcrModel = Slipway.Aws.Ecr.Model;
using EcsModel = Slipway.Aws.Ecs.Model;
using Task = System.Threading.Tasks.Task;

namespace Slipway.Aws.Tests;

/// <summary>What goes on the wire, as a server sees it.</summary>
public sealed class WireFormatTests
{
    [Fact]
    public async Task An_ECS_call_is_a_signed_POST_to_slash_with_the_json_1_1_content_type_and_target()
    {
        using var server = ScriptedServer.Always(new ScriptedResponse(200, "{}"));
        using var ecs = new AmazonECSClient(ScriptedClients.Options(server));

        await ecs.DescribeServicesAsync(new EcsModel.DescribeServicesRequest { Cluster = "prod", Services = ["api"] });

        var request = Assert.Single(server.Received);
        Assert.Equal(("POST", "/"), (request.Method, request.Path));
        Assert.Equal("application/x-amz-json-1.1", request.Headers["Content-Type"]);
        Assert.Equal("AmazonEC2ContainerServiceV20141113.DescribeServices", request.Headers["X-Amz-Target"]);
        Assert.Equal("""{"cluster":"prod","services":["api"]}""", request.BodyText);
        Assert.Matches(@"^AWS4-HMAC-SHA256 Credential=testing/\d{8}/us-east-1/ecs/aws4_request, SignedHeaders=content-type;host;x-amz-content-sha256;x-amz-date;x-amz-target, Signature=[0-9a-f]{64}$", request.Headers["Authorization"]);
    }

    [Fact]
    public async Task An_ECR_call_carries_ECRs_target_prefix_and_signing_name()
    {
        using var server = ScriptedServer.Always(new ScriptedResponse(200, "{}"));
        using var ecr = new AmazonECRClient(ScriptedClients.Options(server));

        await ecr.GetAuthorizationTokenAsync(new EcrModel.GetAuthorizationTokenRequest());

        var request = Assert.Single(server.Received);
        Assert.Equal("AmazonEC2ContainerRegistry_V20150921.GetAuthorizationToken", request.Headers["X-Amz-Target"]);
        Assert.Contains("/us-east-1/ecr/aws4_request", request.Headers["Authorization"], StringComparison.Ordinal);
        Assert.Equal("{}", request.BodyText);
    }

    [Fact]
    public async Task Unknown_response_members_are_ignored_and_timestamps_read_as_epoch_seconds()
    {
        using var server = ScriptedServer.Always(new ScriptedResponse(200, """
            {"services":[{"serviceName":"api","brandNewMember":{"nested":[1,2]},"createdAt":1700000000.123,
              "deployments":[{"id":"ecs-svc/1","status":"PRIMARY","rolloutState":"COMPLETED","updatedAt":1700000060}]}],
             "failures":[],"alsoNew":true}
            """));
        using var ecs = new AmazonECSClient(ScriptedClients.Options(server));

        var response = await ecs.DescribeServicesAsync(new EcsModel.DescribeServicesRequest { Services = ["api"] });

        var service = Assert.Single(response.Services!);
        Assert.Equal(new DateTime(2023, 11, 14, 22, 13, 20, 123, DateTimeKind.Utc), service.CreatedAt);
        Assert.Equal(DateTimeKind.Utc, service.CreatedAt!.Value.Kind);
        Assert.Equal(("COMPLETED", new DateTime(2023, 11, 14, 22, 14, 20, DateTimeKind.Utc)), (service.Deployments![0].RolloutState, service.Deployments[0].UpdatedAt));
    }

    [Fact]
    public void Timestamps_are_written_as_epoch_seconds_and_nulls_are_omitted()
    {
        var json = JsonSerializer.Serialize(
            new EcsModel.ServiceEvent { Id = "e1", CreatedAt = new DateTime(2023, 11, 14, 22, 13, 20, 123, DateTimeKind.Utc) },
            Slipway.Aws.Transport.AwsJson.Options);

        Assert.Equal("""{"id":"e1","createdAt":1700000000.123}""", json);
    }

    [Fact]
    public async Task Paginators_follow_nextToken_until_the_last_page()
    {
        using var server = new ScriptedServer((attempt, _) => new ScriptedResponse(200, attempt switch
        {
            1 => """{"taskArns":["t1","t2"],"nextToken":"p2"}""",
            2 => """{"taskArns":["t3"],"nextToken":"p3"}""",
            _ => """{"taskArns":["t4"]}""",
        }));
        using var ecs = new AmazonECSClient(ScriptedClients.Options(server));

        var arns = await ecs.Paginators.ListTasks(new EcsModel.ListTasksRequest { Cluster = "prod", MaxResults = 2 }).Items.ToListAsync();

        Assert.Equal(["t1", "t2", "t3", "t4"], arns);
        Assert.Equal(
            ["""{"cluster":"prod","maxResults":2}""", """{"cluster":"prod","nextToken":"p2","maxResults":2}""", """{"cluster":"prod","nextToken":"p3","maxResults":2}"""],
            server.Received.Select(r => r.BodyText).ToArray());
    }

    [Fact]
    public async Task A_paginator_refuses_to_loop_on_a_repeated_nextToken()
    {
        using var server = ScriptedServer.Always(new ScriptedResponse(200, """{"repositories":[],"nextToken":"same"}"""));
        using var ecr = new AmazonECRClient(ScriptedClients.Options(server));

        var error = await Assert.ThrowsAsync<InvalidOperationException>(
            async () => await ecr.Paginators.DescribeRepositories(new EcrModel.DescribeRepositoriesRequest()).Responses.ToListAsync());

        Assert.Contains("same nextToken twice", error.Message, StringComparison.Ordinal);
        Assert.Equal(2, server.Count);
    }
}
