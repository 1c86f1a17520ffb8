using Slipway.Docker;

namespace Slipway.Components.Tests.Local;

/// <summary>
/// Holds the machine's Docker engine for the tests that talk to it directly: starts dockerd (safe flags) when
/// none answers, and keeps other test assemblies that started it from stopping it while these tests run.
/// </summary>
public sealed class EngineFixture : IAsyncLifetime
{
    private LocalDockerDaemon? daemon;

    public DockerEngine Engine { get; } = DockerEngine.FromEnvironment();

    public async Task InitializeAsync()
    {
        using var timeout = TestTimeouts.Start(TestTimeouts.Fixture);
        await DebianPackages.EnsureLocalToolchainAsync(new RecordingLog(), timeout.Token);
        await DebianPackages.EnsureInstalledAsync("/bin/busybox", ["busybox-static"], new RecordingLog(), timeout.Token); // the tests' images are made from it
        daemon = await LocalDockerDaemon.EnsureRunningAsync(Engine, new RecordingLog(), TimeProvider.System, timeout.Token);
        await Engine.EnsureAnsweringAsync(new RecordingLog(), timeout.Token);
    }

    public async Task DisposeAsync()
    {
        if (daemon is not null)
        {
            await daemon.DisposeAsync();
        }

        Engine.Dispose();
    }
}

[CollectionDefinition(Name)]
public sealed class RealEngine : ICollectionFixture<EngineFixture>
{
    public const string Name = "engine";
}
