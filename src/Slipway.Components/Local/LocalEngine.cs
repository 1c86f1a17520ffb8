using Slipway.Docker;
using Slipway.Processes;

namespace Slipway.Components.Local;

/// <summary>
/// A Docker engine that answers: the one <c>DOCKER_HOST</c> names when it does; otherwise the installed
/// <c>dockerd</c> started detached with the safe flags (installed first on Debian as root, saying so). Anywhere
/// else a missing or stopped engine is an error with the exact commands to run. Only an engine an Up started is
/// stopped by <see cref="StopAsync"/>.
/// </summary>
internal sealed class LocalEngine(LocalEnvironmentLayout layout, ILog log, TimeProvider timeProvider)
{
    public const string Dockerd = "/usr/sbin/dockerd";

    public async Task<string> EnsureAnsweringAsync(DockerEngine engine, CancellationToken cancellationToken)
    {
        if (await engine.IsAnsweringAsync(cancellationToken))
        {
            return Find() is { } ours
                ? $"Docker engine: dockerd (pid {ours.ProcessId}), started by an earlier EnvironmentUp, answers at {engine.Endpoint}"
                : $"Docker engine: answers at {engine.Endpoint} (not started by Slipway: EnvironmentDown leaves it alone)";
        }

        if (engine.IsLocalSocket && LocalMachine.CanInstall)
        {
            await DebianPackages.EnsureInstalledAsync(Dockerd, ["docker.io"], log, cancellationToken);
        }
        else if (engine.IsLocalSocket && (!File.Exists(Dockerd) || !LocalMachine.IsRoot))
        {
            throw new DockerEngineUnavailableException(
                $"""
                No Docker engine answers at {engine.Endpoint}, and this build cannot start one here ({(File.Exists(Dockerd) ? "starting dockerd needs root" : $"{Dockerd} is not installed")}). Run:
                  {(File.Exists(Dockerd) ? "" : "sudo apt-get install -y docker.io      # Debian/Ubuntu; elsewhere install Docker Engine or Docker Desktop\n  ")}sudo {Dockerd} {string.Join(' ', LocalDockerDaemon.SafeFlags)} &
                or point DOCKER_HOST at a running engine, then run the build again.
                """);
        }

        log.Information($"No Docker engine answers at {engine.Endpoint}: starting {Dockerd} {string.Join(' ', LocalDockerDaemon.SafeFlags)} in the background");
        var started = timeProvider.GetTimestamp();
        await using var daemon = await LocalDockerDaemon.EnsureKeptRunningAsync(engine, layout.Engine, log, timeProvider, cancellationToken);
        return $"Docker engine: started dockerd (pid {Find()?.ProcessId}) at {engine.Endpoint} in {timeProvider.GetElapsedTime(started).TotalSeconds:0.0} s, log {layout.Engine / "dockerd.log"}";
    }

    /// <summary>Stops dockerd when an Up started it; an engine found running is left alone.</summary>
    public async Task<string?> StopAsync(CancellationToken cancellationToken)
    {
        if (Find() is not { } daemon)
        {
            return null;
        }

        await daemon.StopAsync(TimeSpan.FromSeconds(30), timeProvider, cancellationToken);
        return $"stopped dockerd (pid {daemon.ProcessId}), which EnvironmentUp had started";
    }

    private DetachedDaemon? Find() => OwnProcess.Find(layout.Engine / "dockerd.pid", layout.Engine / "dockerd.log", "dockerd");
}
