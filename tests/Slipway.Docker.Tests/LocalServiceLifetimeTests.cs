namespace Slipway.Docker.Tests;

/// <summary>The registry kept running for the local environment: fixed port, state on disk, found again by later builds.</summary>
[Trait(TestCategories.Name, TestCategories.Integration)]
[Collection(RealDocker.Name)] // the engine the fixture holds
public sealed class LocalServiceLifetimeTests : IDisposable
{
    private readonly CancellationTokenSource timeout = TestTimeouts.Start();
    private readonly AbsolutePath state = AbsolutePath.Create(Directory.CreateTempSubdirectory("slipway-registry-state-").FullName);
    private readonly RecordingLog log = new();

    [Fact]
    public async Task A_kept_running_registry_outlives_its_handle_is_found_again_and_keeps_its_data_across_a_restart()
    {
        var port = FreePort.OnLoopback();
        var first = await LocalRegistry.EnsureRunningAsync(port, state, log, TimeProvider.System, timeout.Token);
        using (var client = new RegistryClient(first.BaseAddress))
        {
            await client.UploadBlobAsync("kept/data", new byte[] { 1, 2, 3, 4 }, timeout.Token);
        }

        await first.DisposeAsync();
        var second = await LocalRegistry.EnsureRunningAsync(port, state, log, TimeProvider.System, timeout.Token);

        Assert.Equal(ServiceLifetime.KeepRunning, second.Lifetime);
        Assert.Equal(first.Daemon!.ProcessId, second.Daemon!.ProcessId);
        Assert.True(second.Daemon.IsRunning);
        Assert.Contains(log.Lines, l => l.StartsWith($"Registry already running at {second.BaseAddress}", StringComparison.Ordinal));
        Assert.True((state / "registry.pid").FileExists);

        Assert.True(await LocalRegistry.StopAsync(state, TimeProvider.System, timeout.Token));
        Assert.False(second.Daemon.IsRunning);
        Assert.False((state / "registry.pid").FileExists);
        Assert.False(await LocalRegistry.StopAsync(state, TimeProvider.System, timeout.Token));

        var restarted = await LocalRegistry.EnsureRunningAsync(port, state, log, TimeProvider.System, timeout.Token);
        using var after = new RegistryClient(restarted.BaseAddress);
        Assert.NotEqual(first.Daemon.ProcessId, restarted.Daemon!.ProcessId);
        Assert.True(await after.BlobExistsAsync("kept/data", RegistryManifest.DigestOf([1, 2, 3, 4]), timeout.Token));
    }

    [Fact]
    public async Task A_port_taken_by_another_process_is_a_clear_error()
    {
        using var listener = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0);
        listener.Start();
        var port = ((System.Net.IPEndPoint)listener.LocalEndpoint).Port;

        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => LocalRegistry.EnsureRunningAsync(port, state, log, TimeProvider.System, timeout.Token));

        Assert.Contains($"Port {port} on 127.0.0.1 is taken by another process", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_kept_running_engine_is_the_one_that_answers()
    {
        using var engine = DockerEngine.FromEnvironment();
        Assert.True(await engine.IsAnsweringAsync(timeout.Token), "these tests run where an engine answers");

        var daemon = await LocalDockerDaemon.EnsureKeptRunningAsync(engine, state, log, TimeProvider.System, timeout.Token);
        await daemon.DisposeAsync();

        Assert.Equal(ServiceLifetime.KeepRunning, daemon.Lifetime);
        Assert.False(daemon.StartedHere);
        Assert.True(await engine.IsAnsweringAsync(timeout.Token));
    }

    public void Dispose()
    {
        LocalRegistry.StopAsync(state, TimeProvider.System, CancellationToken.None).GetAwaiter().GetResult();
        timeout.Dispose();
        state.DeleteDirectory();
    }
}
