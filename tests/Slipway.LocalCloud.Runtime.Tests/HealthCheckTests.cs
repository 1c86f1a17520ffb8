using System.Diagnostics;
using Slipway.Aws.Ecs.Model;

namespace Slipway.LocalCloud.Runtime.Tests;

[Collection(RealEngine.Name)]
public sealed class HealthCheckTests(RuntimeFixture fixture)
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(30);

    [Fact]
    public async Task A_passing_health_check_makes_the_container_HEALTHY()
    {
        var runtime = fixture.NewRuntime();
        var launch = RuntimeFixture.Launch(null, fixture.WebServer("web", "ok"));

        await runtime.StartAsync(launch, CancellationToken.None);
        var healthy = await RuntimeFixture.WaitUntilAsync(runtime, launch.TaskId, o => o.Containers.All(c => c.HealthStatus == "HEALTHY"), Patience);

        Assert.Equal("RUNNING", Assert.Single(healthy.Containers).LastStatus);
        using var http = new HttpClient();
        Assert.Equal("ok\n", await http.GetStringAsync(new Uri($"http://127.0.0.1:{launch.HostPort}/health")));
        await runtime.StopAsync(launch.TaskId, TimeSpan.FromSeconds(1), CancellationToken.None);
    }

    [Fact]
    public async Task A_failing_health_check_makes_the_container_UNHEALTHY_after_its_retries()
    {
        var runtime = fixture.NewRuntime();
        var container = fixture.Shell("app", "sleep 60");
        container.HealthCheck = new HealthCheck { Command = ["CMD", "false"], Interval = 1, Timeout = 2, Retries = 2 };
        var launch = RuntimeFixture.Launch(null, container);

        await runtime.StartAsync(launch, CancellationToken.None);
        var first = await runtime.ObserveAsync(launch.TaskId, CancellationToken.None);
        var unhealthy = await RuntimeFixture.WaitUntilAsync(runtime, launch.TaskId, o => o.Containers.All(c => c.HealthStatus == "UNHEALTHY"), Patience);

        Assert.Equal("UNKNOWN", Assert.Single(first.Containers).HealthStatus);
        Assert.Equal("RUNNING", Assert.Single(unhealthy.Containers).LastStatus);
        await runtime.StopAsync(launch.TaskId, TimeSpan.FromSeconds(1), CancellationToken.None);
    }

    [Fact]
    public async Task Failures_inside_the_start_period_do_not_count()
    {
        var runtime = fixture.NewRuntime();
        var container = fixture.Shell("app", "sleep 60");
        container.HealthCheck = new HealthCheck { Command = ["CMD", "false"], Interval = 1, Timeout = 2, Retries = 1, StartPeriod = 4 };
        var launch = RuntimeFixture.Launch(null, container);

        await runtime.StartAsync(launch, CancellationToken.None);
        var clock = Stopwatch.StartNew();
        await RuntimeFixture.WaitUntilAsync(runtime, launch.TaskId, o => o.Containers.All(c => c.HealthStatus == "UNHEALTHY"), Patience);

        Assert.True(clock.Elapsed >= TimeSpan.FromSeconds(3), $"UNHEALTHY after {clock.Elapsed}, inside the 4 s start period");
        await runtime.StopAsync(launch.TaskId, TimeSpan.FromSeconds(1), CancellationToken.None);
    }

    [Fact]
    public async Task The_engine_receives_the_timings_in_nanoseconds()
    {
        var runtime = fixture.NewRuntime();
        var container = fixture.Shell("app", "sleep 60");
        container.HealthCheck = new HealthCheck { Command = ["CMD-SHELL", "true"], Interval = 7, Timeout = 3, Retries = 4, StartPeriod = 9 };
        var launch = RuntimeFixture.Launch(null, container);
        await runtime.StartAsync(launch, CancellationToken.None);
        var id = Assert.Single((await runtime.ObserveAsync(launch.TaskId, CancellationToken.None)).Containers).RuntimeId!;

        // Read back with the docker CLI, which prints Go durations: a unit mistake would show as ms or hours.
        var printed = await DockerCliAsync("inspect", "--format", "{{json .Config.Healthcheck}}", id);

        Assert.Equal("""{"Test":["CMD-SHELL","true"],"Interval":7000000000,"Timeout":3000000000,"StartPeriod":9000000000,"Retries":4}""", printed.Trim());
        await runtime.StopAsync(launch.TaskId, TimeSpan.FromSeconds(1), CancellationToken.None);
    }

    [Fact]
    public async Task Without_a_health_check_the_image_check_is_off_and_health_is_UNKNOWN()
    {
        var runtime = fixture.NewRuntime();
        var launch = RuntimeFixture.Launch(null, fixture.Shell("app", "sleep 60"));
        await runtime.StartAsync(launch, CancellationToken.None);
        var id = Assert.Single((await runtime.ObserveAsync(launch.TaskId, CancellationToken.None)).Containers).RuntimeId!;

        Assert.Equal("[\"NONE\"]", (await DockerCliAsync("inspect", "--format", "{{json .Config.Healthcheck.Test}}", id)).Trim());
        Assert.Equal("UNKNOWN", Assert.Single((await runtime.ObserveAsync(launch.TaskId, CancellationToken.None)).Containers).HealthStatus);
        await runtime.StopAsync(launch.TaskId, TimeSpan.FromSeconds(1), CancellationToken.None);
    }

    private static async Task<string> DockerCliAsync(params string[] arguments)
    {
        var start = new ProcessStartInfo("docker") { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start)!;
        var output = await process.StandardOutput.ReadToEndAsync();
        var error = await process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        Assert.True(process.ExitCode == 0, $"docker {string.Join(' ', arguments)} failed: {error}");
        return output;
    }
}
