using Slipway.Output;

namespace Slipway.LocalCloud.Runtime.Tests;

[Collection(RealEngine.Name)]
public sealed class RollingSwapTests(RuntimeFixture fixture)
{
    [Fact]
    public async Task Replacing_a_task_behind_the_load_balancer_fails_no_request()
    {
        var runtime = fixture.NewRuntime();
        await using var balancer = new LocalLoadBalancer(NullLog.Instance, TimeProvider.System);
        var port = RuntimeFixture.FreePort();
        await balancer.EnsureListenerAsync("svc", port, CancellationToken.None);
        var old = RuntimeFixture.Launch(null, fixture.WebServer("web", "old"));
        await runtime.StartAsync(old, CancellationToken.None);
        await RuntimeFixture.WaitUntilAsync(runtime, old.TaskId, o => o.Containers.All(c => c.HealthStatus == "HEALTHY"), TimeSpan.FromSeconds(30));
        balancer.SetTargets("svc", [new LoadBalancerTarget(old.TaskId, old.HostPort)]);

        // What the control plane does in a rolling deploy: start new, wait healthy, add it, drain old, stop old.
        var replacement = RuntimeFixture.Launch(null, fixture.WebServer("web", "new"));
        var swap = Task.Run(async () =>
        {
            await runtime.StartAsync(replacement, CancellationToken.None);
            await RuntimeFixture.WaitUntilAsync(runtime, replacement.TaskId, o => o.Containers.All(c => c.HealthStatus == "HEALTHY"), TimeSpan.FromSeconds(30));
            balancer.SetTargets("svc", [new LoadBalancerTarget(old.TaskId, old.HostPort), new LoadBalancerTarget(replacement.TaskId, replacement.HostPort)]);
            await Task.Delay(500);
            await balancer.DrainAsync("svc", old.TaskId, TimeSpan.FromSeconds(10), CancellationToken.None);
            balancer.SetTargets("svc", [new LoadBalancerTarget(replacement.TaskId, replacement.HostPort)]);
            await runtime.StopAsync(old.TaskId, TimeSpan.FromSeconds(1), CancellationToken.None);
        });

        // A keep-alive client polling every 50 ms, through the swap and a little after it.
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(5) };
        var answers = new List<string>();
        var failures = new List<string>();
        for (var i = 0; i < 1200 && (!swap.IsCompleted || answers.Count(a => a == "new") < 10); i++)
        {
            try
            {
                using var response = await http.GetAsync(new Uri($"http://127.0.0.1:{port}/health"));
                var body = (await response.Content.ReadAsStringAsync()).Trim();
                (response.IsSuccessStatusCode ? answers : failures).Add($"{(int)response.StatusCode} {body}".Replace("200 ", "", StringComparison.Ordinal));
            }
            catch (HttpRequestException exception)
            {
                failures.Add(exception.Message);
            }

            await Task.Delay(50);
        }

        await swap;
        await runtime.StopAsync(replacement.TaskId, TimeSpan.FromSeconds(1), CancellationToken.None);
        Assert.Empty(failures);
        Assert.Contains("old", answers);
        Assert.Contains("new", answers);
        Assert.Equal("new", answers[^1]);
        Assert.True(answers.Count > 20, $"only {answers.Count} requests were made");
    }
}
