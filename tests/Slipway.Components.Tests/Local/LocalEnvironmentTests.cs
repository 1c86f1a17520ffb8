using System.Globalization;
using System.Net;
using System.Net.Sockets;
using Slipway.Components.Local;
using Slipway.Docker;

namespace Slipway.Components.Tests.Local;

/// <summary>
/// The local environment on the real machine, in a temporary root with a free port for the local cloud: the
/// engine that answers, a kept-running registry, the local cloud published from this repository.
/// </summary>
[Trait(TestCategories.Name, TestCategories.Integration)]
[Collection(RealEngine.Name)]
public sealed class LocalEnvironmentTests(EngineFixture fixture) : IDisposable
{
    private readonly AbsolutePath root = AbsolutePath.Create(Directory.CreateTempSubdirectory("slipway-local-").FullName);
    private readonly RecordingLog log = new();

    [Fact]
    public async Task Up_starts_the_registry_and_the_local_cloud_once_and_Down_stops_them_and_purges()
    {
        var environment = NewEnvironment();
        var endpoint = new Uri($"http://127.0.0.1:{FreePort().ToString(CultureInfo.InvariantCulture)}");
        try
        {
            var first = await environment.UpAsync(endpoint, "us-east-1", CancellationToken.None);
            var second = await environment.UpAsync(endpoint, "us-east-1", CancellationToken.None);

            Assert.Contains(first, line => line.StartsWith("Registry: started", StringComparison.Ordinal));
            Assert.Contains(first, line => line.StartsWith("Local cloud: started", StringComparison.Ordinal));
            Assert.Contains(second, line => line.StartsWith("Registry: ", StringComparison.Ordinal) && line.EndsWith("already running)", StringComparison.Ordinal));
            Assert.Contains(second, line => line.StartsWith("Local cloud: ", StringComparison.Ordinal) && line.EndsWith("already running)", StringComparison.Ordinal));
            Assert.DoesNotContain(second, line => line.Contains("started", StringComparison.Ordinal) && !line.StartsWith("Docker engine", StringComparison.Ordinal));
            using var http = new HttpClient();
            Assert.Equal(HttpStatusCode.OK, (await http.GetAsync(new Uri(endpoint, "/_slipway/health"))).StatusCode);
            var cloudPid = Pid("cloud/cloud.pid");
            var registryPid = Pid("registry/registry.pid");

            var down = await environment.DownAsync(purge: true, CancellationToken.None);

            Assert.Contains(down, line => line.StartsWith("stopped the local cloud", StringComparison.Ordinal));
            Assert.Contains(down, line => line.StartsWith("stopped the registry", StringComparison.Ordinal));
            Assert.False(IsAlive(cloudPid), "the local cloud still runs");
            Assert.False(IsAlive(registryPid), "the registry still runs");
            Assert.False(root.DirectoryExists, "--purge left the state behind");
            await Assert.ThrowsAsync<HttpRequestException>(() => http.GetAsync(new Uri(endpoint, "/_slipway/health")));
        }
        finally
        {
            await environment.DownAsync(purge: true, CancellationToken.None);
        }
    }

    [Fact]
    public async Task An_engine_that_already_answers_is_used_and_Down_never_stops_it()
    {
        var engine = new LocalEngine(new LocalEnvironmentLayout(root), log, TimeProvider.System);
        var docker = fixture.Engine;

        var line = await engine.EnsureAnsweringAsync(docker, CancellationToken.None);

        Assert.Contains("not started by Slipway", line, StringComparison.Ordinal);
        Assert.Null(await engine.StopAsync(CancellationToken.None));
        Assert.True(await docker.IsAnsweringAsync(CancellationToken.None));
    }

    [Fact]
    public async Task A_pid_file_naming_a_process_that_is_not_ours_is_left_alone()
    {
        // This test process stands in for an unrelated process that reused the pid of a registry long gone.
        var registryDirectory = (root / "registry").CreateDirectory();
        (registryDirectory / "registry.pid").WriteAllText(Environment.ProcessId.ToString(CultureInfo.InvariantCulture));
        (root / "cloud").CreateDirectory();
        (root / "cloud" / "cloud.pid").WriteAllText(Environment.ProcessId.ToString(CultureInfo.InvariantCulture));

        var down = await NewEnvironment().DownAsync(purge: false, CancellationToken.None);

        Assert.DoesNotContain(down, line => line.StartsWith("stopped", StringComparison.Ordinal));
        Assert.Equal(["nothing of the local environment was running"], down);
    }

    [Fact]
    public async Task Down_with_nothing_up_says_so()
    {
        var down = await new LocalEnvironment(root / "never-up", RepositoryRoot.Find() / "src" / "Slipway.LocalCloud" / "Slipway.LocalCloud.csproj", "Debug", log, TimeProvider.System)
            .DownAsync(purge: true, CancellationToken.None);

        Assert.Single(down);
        Assert.StartsWith("nothing of the local environment was running", down[0], StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_local_cloud_endpoint_off_this_machine_is_refused_with_the_fix()
    {
        var failure = await Assert.ThrowsAsync<InvalidOperationException>(() => NewEnvironment().UpAsync(new Uri("https://ecs.us-east-1.amazonaws.com"), "us-east-1", CancellationToken.None));

        Assert.Contains("\"ecs\": \"http://127.0.0.1:4566\"", failure.Message, StringComparison.Ordinal);
    }

    public void Dispose()
    {
        if (root.DirectoryExists)
        {
            root.DeleteDirectory();
        }
    }

    private LocalEnvironment NewEnvironment() =>
        new(root, RepositoryRoot.Find() / "src" / "Slipway.LocalCloud" / "Slipway.LocalCloud.csproj", "Debug", log, TimeProvider.System);

    private int Pid(string file) => int.Parse((root / file).ReadAllText().Trim(), CultureInfo.InvariantCulture);

    private static bool IsAlive(int pid) =>
        File.Exists($"/proc/{pid}/stat") && !File.ReadAllText($"/proc/{pid}/stat").Contains(") Z ", StringComparison.Ordinal);

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
