using Slipway.Aws.Ecs;
using Slipway.Aws.Tests.Support;
using EcsModel = Slipway.Aws.Ecs.Model;
using Task = System.Threading.Tasks.Task;

namespace Slipway.Aws.Tests;

/// <summary>A shared <see cref="HttpClient"/> stays the caller's: disposing a client does not dispose it.</summary>
public sealed class HttpClientOwnershipTests
{
    [Fact]
    public async Task Disposing_a_client_leaves_the_callers_HttpClient_usable()
    {
        using var server = ScriptedServer.Always(new ScriptedResponse(200, """{"taskArns":["arn:aws:ecs:us-east-1:000000000000:task/prod/1"]}"""));
        using var shared = new HttpClient();
        var first = new AmazonECSClient(ScriptedClients.Options(server) with { HttpClient = shared });
        await first.ListTasksAsync(new EcsModel.ListTasksRequest());

        first.Dispose();
        using var second = new AmazonECSClient(ScriptedClients.Options(server) with { HttpClient = shared });
        var response = await second.ListTasksAsync(new EcsModel.ListTasksRequest());

        Assert.Equal(["arn:aws:ecs:us-east-1:000000000000:task/prod/1"], response.TaskArns!);
        Assert.Equal(2, server.Count);
    }

    [Fact]
    public async Task A_client_calls_through_the_HttpClient_it_is_given()
    {
        using var server = ScriptedServer.Always(new ScriptedResponse(200, "{}"));
        using var shared = new HttpClient();
        shared.DefaultRequestHeaders.Add("X-Shared-Client", "yes");
        using var ecs = new AmazonECSClient(ScriptedClients.Options(server) with { HttpClient = shared });

        await ecs.ListTasksAsync(new EcsModel.ListTasksRequest());

        Assert.Equal("yes", Assert.Single(server.Received).Headers["X-Shared-Client"]);
    }
}
