using System.Diagnostics;
using System.Net;

namespace Slipway.Docker.Tests;

/// <summary>A push to something that is not a registry fails in seconds, saying what answered.</summary>
public sealed class RegistryReachabilityTests
{
    [Fact]
    public async Task An_http_server_that_is_not_a_registry_is_named_as_such()
    {
        var port = FreePort.OnLoopback();
        using var server = new HttpListener();
        server.Prefixes.Add($"http://127.0.0.1:{port}/");
        server.Start();
        var serving = Task.Run(async () =>
        {
            var context = await server.GetContextAsync();
            context.Response.StatusCode = 404;
            context.Response.Close();
        });

        using var client = RegistryClient.ForHost($"127.0.0.1:{port}");
        var problem = await client.ProblemReachingAsync(TimeSpan.FromSeconds(10), CancellationToken.None);
        await serving;

        Assert.Equal($"127.0.0.1:{port} is not a container registry: GET http://127.0.0.1:{port}/v2/ answered 404 Not Found (a registry answers 200 or 401)", problem);
    }

    [Fact]
    public async Task A_port_nobody_listens_on_fails_at_once_naming_it()
    {
        var port = FreePort.OnLoopback();
        using var client = RegistryClient.ForHost($"127.0.0.1:{port}");
        var clock = Stopwatch.StartNew();

        var problem = await client.ProblemReachingAsync(TimeSpan.FromSeconds(10), CancellationToken.None);

        Assert.StartsWith($"127.0.0.1:{port} does not answer as a registry at http://127.0.0.1:{port}/v2/", problem, StringComparison.Ordinal);
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(15), $"took {clock.Elapsed}");
    }
}
