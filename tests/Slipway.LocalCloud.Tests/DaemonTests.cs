using System.Diagnostics;
using Amazon.Runtime;
using Slipway.Aws;
using Slipway.Aws.Ecs;
using Slipway.Aws.Ecs.Model;
using Slipway.LocalCloud.Hosting;
using Slipway.LocalCloud.Runtime;
using Slipway.LocalCloud.Tests.Support;
using Slipway.Output;
using Task = System.Threading.Tasks.Task;

namespace Slipway.LocalCloud.Tests;

/// <summary>
/// The executable as the local environment starts it: <c>dotnet Slipway.LocalCloud.dll --port --state --registry</c>,
/// health when ready, kill -9 and restart without loss, SIGTERM leaving the tasks running, usage errors with exit 2.
/// </summary>
[Collection(UsesEngineCloud.Name)]
public sealed class DaemonTests(EngineCloud engine)
{
    private static string Dll => Path.Combine(AppContext.BaseDirectory, "Slipway.LocalCloud.dll");

    [Theory]
    [InlineData(new[] { "--state", "/tmp/x", "--registry", "127.0.0.1:5000" }, "--port must be")]
    [InlineData(new[] { "--port", "4566", "--registry", "127.0.0.1:5000" }, "--state must name")]
    [InlineData(new[] { "--port", "4566", "--state", "/tmp/x", "--registry", "registry.example.com:5000" }, "--registry must be the local registry as 127.0.0.1:PORT")]
    [InlineData(new[] { "--port", "4566", "--state", "/tmp/x", "--registry", "127.0.0.1:5000", "--verbose" }, "Unknown argument '--verbose'")]
    public async Task A_bad_command_line_exits_2_naming_the_flag(string[] args, string message)
    {
        var start = new ProcessStartInfo("dotnet") { RedirectStandardError = true, RedirectStandardOutput = true };
        start.ArgumentList.Add(Dll);
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        using var process = Process.Start(start)!;
        var stderr = await process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();

        Assert.Equal(2, process.ExitCode);
        Assert.Contains(message, stderr, StringComparison.Ordinal);
        Assert.Contains("usage: Slipway.LocalCloud --port PORT --state DIR --registry 127.0.0.1:PORT", stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_port_in_use_exits_1_saying_which_and_how_to_find_its_owner()
    {
        using var taken = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0);
        taken.Start();
        var port = ((System.Net.IPEndPoint)taken.LocalEndpoint).Port;
        var state = Directory.CreateTempSubdirectory("slipway-localcloud-port-").FullName;
        try
        {
            var start = new ProcessStartInfo("dotnet") { RedirectStandardError = true, RedirectStandardOutput = true };
            foreach (var arg in new[] { Dll, "--port", port.ToString(System.Globalization.CultureInfo.InvariantCulture), "--state", state, "--registry", "127.0.0.1:5" })
            {
                start.ArgumentList.Add(arg);
            }

            using var process = Process.Start(start)!;
            var stdout = process.StandardOutput.ReadToEndAsync();
            var stderr = await process.StandardError.ReadToEndAsync();
            await process.WaitForExitAsync();
            await stdout;

            Assert.Equal(1, process.ExitCode);
            Assert.Contains($"127.0.0.1:{port} is already in use", stderr, StringComparison.Ordinal);
        }
        finally
        {
            Directory.Delete(state, recursive: true);
        }
    }

    [Fact]
    public async Task After_kill_9_a_restart_loses_nothing_and_SIGTERM_stops_the_daemon_but_not_its_tasks()
    {
        var state = Directory.CreateTempSubdirectory("slipway-localcloud-daemon-").FullName;
        var runtime = new DockerTaskRuntime(engine.Engine, DockerTaskRuntime.ScopeFor(state), NullLog.Instance, TimeProvider.System);
        var port = EngineCloud.FreePort();
        var published = EngineCloud.FreePort();
        Process? daemon = null;
        try
        {
            daemon = await StartAsync(port, state);
            using (var ecs = Client(port))
            {
                await ecs.CreateClusterAsync(new CreateClusterRequest { ClusterName = "local" });
                var definition = (await ecs.RegisterTaskDefinitionAsync(engine.WebServer("web", "v1", published))).TaskDefinition!.TaskDefinitionArn;
                await ecs.CreateServiceAsync(new CreateServiceRequest { Cluster = "local", ServiceName = "web", TaskDefinition = definition, DesiredCount = 1 });
                await UntilAsync(async () => (await DescribeAsync(ecs)).Deployments![0].RolloutState == "COMPLETED");
            }

            Service before;
            using (var ecs = Client(port))
            {
                before = await DescribeAsync(ecs);
            }

            daemon.Kill(); // SIGKILL: no chance to save anything more
            await daemon.WaitForExitAsync();
            daemon.Dispose();
            daemon = await StartAsync(port, state);

            using (var ecs = Client(port))
            {
                var after = await DescribeAsync(ecs);
                var tasks = (await ecs.ListTasksAsync(new ListTasksRequest { Cluster = "local", ServiceName = "web" })).TaskArns!;
                Assert.Equal((before.Deployments![0].Id, before.Events!.Count), (after.Deployments![0].Id, after.Events!.Count));
                Assert.Equal(1, after.RunningCount);
                Assert.Equal(tasks.Select(t => t[^32..]), await runtime.ListTaskIdsAsync(CancellationToken.None));
                using var http = new HttpClient();
                await UntilAsync(async () =>
                {
                    try
                    {
                        return (await http.GetStringAsync(new Uri($"http://127.0.0.1:{published}/health"))).Trim() == "v1";
                    }
                    catch (HttpRequestException)
                    {
                        return false;
                    }
                });
            }

            using (var kill = Process.Start("kill", ["-TERM", daemon.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)]))
            {
                await kill.WaitForExitAsync();
            }

            using var exited = new CancellationTokenSource(TimeSpan.FromSeconds(30));
            await daemon.WaitForExitAsync(exited.Token);
            Assert.Equal(0, daemon.ExitCode);
            Assert.Single(await runtime.ListTaskIdsAsync(CancellationToken.None));
        }
        finally
        {
            if (daemon is { HasExited: false })
            {
                daemon.Kill();
                await daemon.WaitForExitAsync();
            }

            daemon?.Dispose();
            foreach (var id in await runtime.ListTaskIdsAsync(CancellationToken.None))
            {
                await runtime.StopAsync(id, TimeSpan.Zero, CancellationToken.None);
            }

            Directory.Delete(state, recursive: true);
        }
    }

    private static async Task<Process> StartAsync(int port, string state)
    {
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = false, RedirectStandardError = false, UseShellExecute = false };
        foreach (var arg in new[] { Dll, "--port", port.ToString(System.Globalization.CultureInfo.InvariantCulture), "--state", state, "--registry", "127.0.0.1:5" })
        {
            start.ArgumentList.Add(arg);
        }

        var process = Process.Start(start)!;
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(2) };
        await UntilAsync(async () =>
        {
            Assert.False(process.HasExited, $"the local cloud exited with {(process.HasExited ? process.ExitCode : 0)}");
            try
            {
                return (await http.GetAsync(new Uri($"http://127.0.0.1:{port}{CloudHost.HealthPath}"))).IsSuccessStatusCode;
            }
            catch (HttpRequestException)
            {
                return false;
            }
        });
        return process;
    }

    private static AmazonECSClient Client(int port) => new(new AwsClientOptions
    {
        ServiceUrl = $"http://127.0.0.1:{port}",
        Region = "us-east-1",
        Credentials = new BasicAWSCredentials(CloudServer.AccessKey, CloudServer.SecretKey),
        MaxAttempts = 1,
        GetEnvironmentVariable = _ => null,
    });

    private static async Task<Service> DescribeAsync(AmazonECSClient ecs)
        => (await ecs.DescribeServicesAsync(new DescribeServicesRequest { Cluster = "local", Services = ["web"] })).Services![0];

    private static async Task UntilAsync(Func<Task<bool>> condition)
    {
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (!await condition())
        {
            Assert.True(DateTime.UtcNow < deadline, "not reached within 60 s");
            await Task.Delay(200);
        }
    }
}
