using System.Net;
using System.Net.Sockets;
using Amazon.Runtime;
using Docker.DotNet;
using Docker.DotNet.Models;
using Microsoft.AspNetCore.Builder;
using Slipway.Aws;
using Slipway.Aws.Ecs;
using Slipway.Aws.Ecs.Model;
using Slipway.Docker;
using Slipway.LocalCloud.Hosting;
using Slipway.LocalCloud.Runtime;
using Slipway.LocalCloud.Scheduling;
using Slipway.Output;
using Task = System.Threading.Tasks.Task;
using Slipway.LocalCloud.Runtime.Tests;

namespace Slipway.LocalCloud.Tests.Support;

/// <summary>
/// The local cloud with the real machine side: tasks as containers on the Docker engine (host network) and the
/// local load balancer, a busybox image imported for this run, and a runtime scope no other run uses. The cloud can
/// be stopped and started again on the same state, as the daemon is. Removes its containers and image at the end.
/// </summary>
#pragma warning disable CA1001 // xunit disposes it through IAsyncLifetime.DisposeAsync, which disposes the balancer.
public sealed class EngineCloud : IAsyncLifetime
#pragma warning restore CA1001
{
    private readonly string tag = Guid.NewGuid().ToString("N")[..12];
    private WebApplication? app;
    private LocalLoadBalancer? balancer;
    private LocalDockerDaemon? daemon;

    public DockerEngine Engine { get; } = DockerEngine.FromEnvironment();

    public string Scope { get; } = $"slipway-localcloud-test-{Guid.NewGuid():N}"[..36];

    public string Image => $"slipway-localcloud-test/busybox:{tag}";

    public string StateDirectory { get; } = Directory.CreateTempSubdirectory("slipway-localcloud-e2e-").FullName;

    public Uri Url { get; private set; } = new("http://127.0.0.1/");

    internal DockerTaskRuntime Runtime => new(Engine, Scope, NullLog.Instance, TimeProvider.System);

    public async Task InitializeAsync()
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(5));
        await DebianPackages.EnsureLocalToolchainAsync(NullLog.Instance, timeout.Token);
        await DebianPackages.EnsureInstalledAsync(BusyboxImage.HostBusybox, ["busybox-static"], NullLog.Instance, timeout.Token);
        daemon = await LocalDockerDaemon.EnsureRunningAsync(Engine, NullLog.Instance, TimeProvider.System, timeout.Token);
        await Engine.EnsureAnsweringAsync(NullLog.Instance, timeout.Token);
        await BusyboxImage.CreateAsync(Engine, "slipway-localcloud-test/busybox", tag, timeout.Token);
        await StartAsync();
    }

    /// <summary>Starts the local cloud on the state directory (again, after <see cref="StopAsync"/>).</summary>
    public async Task StartAsync()
    {
        balancer = new LocalLoadBalancer(NullLog.Instance, TimeProvider.System);
        var options = new CloudOptions(0, StateDirectory, "127.0.0.1:5", "us-east-1", Path.Combine(StateDirectory, "secrets.json"));
        var scheduler = new SchedulerOptions { TickInterval = TimeSpan.FromMilliseconds(250), SettleTime = TimeSpan.FromSeconds(2), DrainTimeout = TimeSpan.FromSeconds(5), DefaultStopTimeout = TimeSpan.FromSeconds(5) };
        app = CloudHost.Build(options, Runtime, balancer, TimeProvider.System, scheduler);
        await app.StartAsync();
        Url = CloudHost.Address(app);
        using var http = new HttpClient();
        for (var i = 0; i < 200 && !(await http.GetAsync(new Uri(Url, CloudHost.HealthPath))).IsSuccessStatusCode; i++)
        {
            await Task.Delay(50);
        }
    }

    /// <summary>A graceful stop, as on SIGTERM: the tasks' containers keep running.</summary>
    public async Task StopAsync()
    {
        if (app is not null)
        {
            await app.StopAsync();
            await app.DisposeAsync();
            app = null;
        }

        if (balancer is not null)
        {
            await balancer.DisposeAsync();
            balancer = null;
        }
    }

    public AmazonECSClient Ecs() => new(new AwsClientOptions
    {
        ServiceUrl = Url.ToString().TrimEnd('/'),
        Region = "us-east-1",
        Credentials = new BasicAWSCredentials(CloudServer.AccessKey, CloudServer.SecretKey),
        MaxAttempts = 1,
        GetEnvironmentVariable = _ => null,
    });

    /// <summary>
    /// A web server task definition: busybox httpd on <c>$PORT</c> answering <c>/health</c> with <paramref name="version"/>,
    /// a container health check through that port, and <paramref name="publishedPort"/> as its port mapping.
    /// <paramref name="exitAtStart"/> makes a release whose process exits with 3 at once; <paramref name="startDelaySeconds"/>
    /// a server that listens only that long after its container started.
    /// </summary>
    public RegisterTaskDefinitionRequest WebServer(string family, string version, int publishedPort, bool exitAtStart = false, bool healthCheck = true, int startDelaySeconds = 0) => new()
    {
        Family = family,
        NetworkMode = "host",
        ContainerDefinitions =
        [
            new ContainerDefinition
            {
                Name = "web",
                Image = Image,
                Essential = true,
                PortMappings = [new PortMapping { ContainerPort = publishedPort }],
                Environment = [new Aws.Ecs.Model.KeyValuePair { Name = "VERSION", Value = version }],
                Command = exitAtStart
                    ? ["sh", "-c", "echo broken release; exit 3"]
                    : ["sh", "-c", $"sleep {startDelaySeconds}; mkdir -p /tmp/www && echo $VERSION > /tmp/www/health && exec httpd -f -p 127.0.0.1:$PORT -h /tmp/www"],
                HealthCheck = healthCheck ? new HealthCheck { Command = ["CMD-SHELL", "wget -q -O- http://127.0.0.1:$PORT/health"], Interval = 1, Timeout = 2, Retries = 2 } : null,
                StopTimeout = 2,
            },
        ],
    };

    public static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    public async Task DisposeAsync()
    {
        await StopAsync();
        var runtime = Runtime;
        foreach (var id in await runtime.ListTaskIdsAsync(CancellationToken.None))
        {
            await runtime.StopAsync(id, TimeSpan.Zero, CancellationToken.None);
        }

        try
        {
            await Engine.Client.Images.DeleteImageAsync(Image, new ImageDeleteParameters { Force = true });
        }
        catch (DockerApiException)
        {
            // Already gone.
        }

        Directory.Delete(StateDirectory, recursive: true);
        if (daemon is not null)
        {
            await daemon.DisposeAsync(); // stops the engine only if this fixture started it
        }

        Engine.Dispose();
    }
}

[CollectionDefinition(Name)]
public sealed class UsesEngineCloud : ICollectionFixture<EngineCloud>
{
    public const string Name = "local cloud on the Docker engine";
}
