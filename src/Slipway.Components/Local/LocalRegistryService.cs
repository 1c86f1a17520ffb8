using System.Globalization;
using Slipway.Docker;
using Slipway.Processes;

namespace Slipway.Components.Local;

/// <summary>
/// The local environment's registry: Debian's <c>docker-registry</c> kept running on 127.0.0.1 with its blobs on
/// disk. Its port is chosen free once and kept (the local cloud's repository URIs name it).
/// </summary>
internal sealed class LocalRegistryService(LocalEnvironmentLayout layout, ILog log, TimeProvider timeProvider)
{
    public const string Binary = "/usr/bin/docker-registry";

    public async Task<(string Host, string Summary)> EnsureRunningAsync(CancellationToken cancellationToken)
    {
        if (!File.Exists(Binary))
        {
            if (!LocalMachine.CanInstall)
            {
                throw new InvalidOperationException(
                    $"""
                    {Binary} is missing: the local environment needs a registry. Run:
                      sudo apt-get install -y docker-registry      # Debian/Ubuntu
                    then run the build again.
                    """);
            }

            await DebianPackages.EnsureInstalledAsync(Binary, ["docker-registry"], log, cancellationToken);
        }

        var saved = SavedPort();
        var wasRunning = OwnProcess.Find(layout.Registry / "registry.pid", layout.Registry / "registry.log", "docker-registry") is not null;
        var port = saved is { } known && (wasRunning || !FreePort.IsListening(known)) ? known : FreePort.OnLoopback();
        if (saved is { } moved && moved != port)
        {
            log.Warning($"the registry's port {moved} is taken by another process: the registry moves to {port} (the local cloud restarts with it)");
        }

        layout.Registry.CreateDirectory();
        await File.WriteAllTextAsync(layout.RegistryPortFile, port.ToString(CultureInfo.InvariantCulture), cancellationToken);
        await using var registry = await LocalRegistry.EnsureRunningAsync(port, layout.Registry, log, timeProvider, cancellationToken);
        return (registry.Host, wasRunning
            ? $"Registry: {registry.Host} (pid {registry.Daemon?.ProcessId}, already running)"
            : $"Registry: started at {registry.Host} (pid {registry.Daemon?.ProcessId}, data in {layout.Registry})");
    }

    public async Task<string?> StopAsync(CancellationToken cancellationToken)
    {
        if (OwnProcess.Find(layout.Registry / "registry.pid", layout.Registry / "registry.log", "docker-registry") is not { } daemon)
        {
            return null;
        }

        await daemon.StopAsync(TimeSpan.FromSeconds(10), timeProvider, cancellationToken);
        return $"stopped the registry (pid {daemon.ProcessId})";
    }

    private int? SavedPort() =>
        layout.RegistryPortFile.FileExists && int.TryParse(layout.RegistryPortFile.ReadAllText().Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var port)
            ? port
            : null;
}
