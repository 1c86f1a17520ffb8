using System.Diagnostics;
using System.Net;
using Slipway.Output;

namespace Slipway.LocalCloud.Runtime.Tests;

public sealed class LoadBalancerTests
{
    [Fact]
    public async Task Without_a_target_the_listener_answers_503()
    {
        await using var balancer = new LocalLoadBalancer(NullLog.Instance, TimeProvider.System);
        var port = RuntimeFixture.FreePort();
        await balancer.EnsureListenerAsync("svc", port, CancellationToken.None);
        using var http = new HttpClient();

        using var response = await http.GetAsync(new Uri($"http://127.0.0.1:{port}/health"));

        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
        Assert.Contains("svc", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_keep_alive_client_is_spread_over_the_targets_request_by_request()
    {
        await using var a = await Backend.StartAsync("a");
        await using var b = await Backend.StartAsync("b");
        await using var balancer = new LocalLoadBalancer(NullLog.Instance, TimeProvider.System);
        var port = RuntimeFixture.FreePort();
        await balancer.EnsureListenerAsync("svc", port, CancellationToken.None);
        balancer.SetTargets("svc", [a.Target, b.Target]);

        // One connection for all requests: a per-connection balancer would send them all to one target.
        using var http = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = 1 });
        var answers = new List<string>();
        for (var i = 0; i < 10; i++)
        {
            answers.Add(await http.GetStringAsync(new Uri($"http://127.0.0.1:{port}/")));
        }

        Assert.Equal(5, answers.Count(x => x == "a"));
        Assert.Equal(5, answers.Count(x => x == "b"));
    }

    [Fact]
    public async Task Ensuring_the_same_listener_twice_is_harmless_and_a_removed_listener_stops_answering()
    {
        await using var a = await Backend.StartAsync("a");
        await using var balancer = new LocalLoadBalancer(NullLog.Instance, TimeProvider.System);
        var port = RuntimeFixture.FreePort();
        await balancer.EnsureListenerAsync("svc", port, CancellationToken.None);
        await balancer.EnsureListenerAsync("svc", port, CancellationToken.None);
        balancer.SetTargets("svc", [a.Target]);
        using var http = new HttpClient();

        Assert.Equal("a", await http.GetStringAsync(new Uri($"http://127.0.0.1:{port}/")));
        await balancer.RemoveListenerAsync("svc", CancellationToken.None);
        await Assert.ThrowsAsync<HttpRequestException>(() => http.GetStringAsync(new Uri($"http://127.0.0.1:{port}/")));
    }

    [Fact]
    public async Task A_port_in_use_is_a_clear_error()
    {
        await using var a = await Backend.StartAsync("a");
        await using var balancer = new LocalLoadBalancer(NullLog.Instance, TimeProvider.System);

        var failure = await Assert.ThrowsAsync<InvalidOperationException>(() => balancer.EnsureListenerAsync("svc", a.Port, CancellationToken.None));

        Assert.Contains($"127.0.0.1:{a.Port}", failure.Message, StringComparison.Ordinal);
        Assert.Contains("svc", failure.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Draining_sends_no_new_requests_to_the_task_and_waits_for_those_in_flight()
    {
        await using var a = await Backend.StartAsync("a");
        await using var b = await Backend.StartAsync("b");
        await using var balancer = new LocalLoadBalancer(NullLog.Instance, TimeProvider.System);
        var port = RuntimeFixture.FreePort();
        await balancer.EnsureListenerAsync("svc", port, CancellationToken.None);
        balancer.SetTargets("svc", [a.Target]);
        using var http = new HttpClient();

        var slow = http.GetStringAsync(new Uri($"http://127.0.0.1:{port}/slow"));
        await WaitForAsync(() => a.Requests == 1);
        balancer.SetTargets("svc", [a.Target, b.Target]);
        var clock = Stopwatch.StartNew();
        var drain = balancer.DrainAsync("svc", "a", TimeSpan.FromSeconds(30), CancellationToken.None);

        Assert.False(drain.IsCompleted, "the drain finished while a request was still in flight");
        for (var i = 0; i < 4; i++)
        {
            Assert.Equal("b", await http.GetStringAsync(new Uri($"http://127.0.0.1:{port}/")));
        }

        await drain;
        // Seen from the task's side: the client may read the last bytes a moment after the balancer let go.
        Assert.Equal(1, a.Answered);
        Assert.Equal("a", await slow);
        Assert.True(clock.Elapsed < Backend.SlowDelay + TimeSpan.FromSeconds(5), $"draining took {clock.Elapsed}");

        // A stale target list from the control plane cannot bring a drained task back.
        balancer.SetTargets("svc", [a.Target, b.Target]);
        Assert.Equal(["b"], balancer.TargetsOf("svc").Select(t => t.TaskId));
    }

    [Fact]
    public async Task Draining_gives_up_after_its_timeout()
    {
        await using var a = await Backend.StartAsync("a");
        await using var balancer = new LocalLoadBalancer(NullLog.Instance, TimeProvider.System);
        var port = RuntimeFixture.FreePort();
        await balancer.EnsureListenerAsync("svc", port, CancellationToken.None);
        balancer.SetTargets("svc", [a.Target]);
        using var http = new HttpClient();
        var slow = http.GetStringAsync(new Uri($"http://127.0.0.1:{port}/slow"));
        await WaitForAsync(() => a.Requests == 1);

        var clock = Stopwatch.StartNew();
        await balancer.DrainAsync("svc", "a", TimeSpan.FromMilliseconds(200), CancellationToken.None);

        Assert.True(clock.Elapsed < Backend.SlowDelay, $"draining waited {clock.Elapsed}, past its 200 ms timeout");
        Assert.Equal(0, a.Answered);
        Assert.Equal("a", await slow);
    }

    [Fact]
    public async Task A_request_that_cannot_reach_a_vanished_target_is_tried_on_the_next()
    {
        await using var b = await Backend.StartAsync("b");
        await using var balancer = new LocalLoadBalancer(NullLog.Instance, TimeProvider.System);
        var port = RuntimeFixture.FreePort();
        await balancer.EnsureListenerAsync("svc", port, CancellationToken.None);
        balancer.SetTargets("svc", [new LoadBalancerTarget("gone", RuntimeFixture.FreePort()), b.Target]);
        using var http = new HttpClient();

        for (var i = 0; i < 4; i++)
        {
            Assert.Equal("b", await http.GetStringAsync(new Uri($"http://127.0.0.1:{port}/")));
        }
    }

    private static async Task WaitForAsync(Func<bool> condition)
    {
        for (var i = 0; i < 200 && !condition(); i++)
        {
            await Task.Delay(25);
        }

        Assert.True(condition(), "the condition did not hold within 5 s");
    }
}
