using System.Diagnostics;
using System.Globalization;
using Slipway.Output;
using Slipway.Processes;

namespace Slipway.Docker;

/// <summary>
/// Debian's <c>docker-registry</c> (distribution 2.x) on 127.0.0.1, in one of two lifetimes
/// (<see cref="ServiceLifetime"/>): <see cref="StartAsync(ILog, TimeProvider, CancellationToken)"/> starts a
/// throw-away one on a free port with temporary storage, stopped and deleted on dispose;
/// <see cref="EnsureRunningAsync"/> keeps one running on a fixed port with its storage on disk, across builds.
/// Docker allows plain HTTP to registries on 127.0.0.0/8, so no TLS or daemon configuration is needed.
/// </summary>
public sealed class LocalRegistry : IAsyncDisposable
{
    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(30);
    private static readonly TimeSpan StopGrace = TimeSpan.FromSeconds(10);

    private readonly Process? process;
    private readonly string? temporaryDirectory;

    private LocalRegistry(int port, ServiceLifetime lifetime, Process? process, string? temporaryDirectory, DetachedDaemon? daemon)
    {
        Port = port;
        Lifetime = lifetime;
        this.process = process;
        this.temporaryDirectory = temporaryDirectory;
        Daemon = daemon;
    }

    public int Port { get; }

    public ServiceLifetime Lifetime { get; }

    /// <summary>The detached process of a <see cref="ServiceLifetime.KeepRunning"/> registry; null for a throw-away one.</summary>
    public DetachedDaemon? Daemon { get; }

    /// <summary>The registry host as image references spell it, e.g. <c>127.0.0.1:41234</c>.</summary>
    public string Host => $"127.0.0.1:{Port.ToString(CultureInfo.InvariantCulture)}";

    public Uri BaseAddress => new($"http://{Host}/");

    /// <summary>Starts a throw-away registry that needs no credentials.</summary>
    public static Task<LocalRegistry> StartAsync(ILog log, TimeProvider timeProvider, CancellationToken cancellationToken) =>
        StartAsync(null, log, timeProvider, cancellationToken);

    private const string ThrowAwayPrefix = "slipway-registry-";

    /// <summary>A registry an interrupted run left serving <paramref name="directory"/>: stopped, if it is that registry.</summary>
    private static void StopLeftoverRegistry(string directory)
    {
        var pidFile = Path.Combine(directory, "registry.pid");
        if (!File.Exists(pidFile) || !int.TryParse(File.ReadAllText(pidFile).Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var pid))
        {
            return;
        }

        var commandLine = $"/proc/{pid.ToString(CultureInfo.InvariantCulture)}/cmdline";
        if (File.Exists(commandLine) && File.ReadAllText(commandLine).Contains(directory, StringComparison.Ordinal))
        {
            try
            {
                using var leftover = Process.GetProcessById(pid);
                leftover.Kill();
                leftover.WaitForExit(TimeSpan.FromSeconds(5));
            }
            catch (ArgumentException)
            {
                // Gone meanwhile.
            }
        }
    }

    /// <summary>
    /// Starts a throw-away registry that, with <paramref name="htpasswdFile"/> (bcrypt entries), demands Basic
    /// authentication as a real registry does.
    /// </summary>
    public static async Task<LocalRegistry> StartAsync(string? htpasswdFile, ILog log, TimeProvider timeProvider, CancellationToken cancellationToken)
    {
        OwnedTemporaryDirectory.DeleteLeftovers(ThrowAwayPrefix, StopLeftoverRegistry);
        ArgumentNullException.ThrowIfNull(log);
        ArgumentNullException.ThrowIfNull(timeProvider);
        DebianPackages.ThrowIfMissing(DebianPackages.Registry, "docker-registry");

        // The port is free when we look but may be taken before the registry binds it: try a few.
        for (var attempt = 1; ; attempt++)
        {
            var port = FreePort.OnLoopback();
            // Named after this process: what an interrupted run left (storage, a registry still serving it) goes now.
            var directory = OwnedTemporaryDirectory.Create(ThrowAwayPrefix);
            var config = WriteConfig(directory, port, htpasswdFile);
            var startInfo = new ProcessStartInfo("/bin/sh") { UseShellExecute = false };
            startInfo.ArgumentList.Add("-c");
            startInfo.ArgumentList.Add($"exec {DebianPackages.Registry} serve '{config}' >>'{Path.Combine(directory, "registry.log")}' 2>&1 </dev/null");
            var child = Process.Start(startInfo) ?? throw new InvalidOperationException($"could not start {DebianPackages.Registry}");
            await File.WriteAllTextAsync(Path.Combine(directory, "registry.pid"), child.Id.ToString(CultureInfo.InvariantCulture), cancellationToken);
            var registry = new LocalRegistry(port, ServiceLifetime.ThrowAway, child, directory, null);
            if (await registry.WaitUntilAnsweringAsync(() => !child.HasExited, timeProvider, cancellationToken))
            {
                log.Information($"Registry listens at {registry.BaseAddress} (storage {directory}; stopped and deleted after this run)");
                return registry;
            }

            await registry.DisposeAsync();
            if (attempt == 3)
            {
                throw new InvalidOperationException($"{DebianPackages.Registry} did not answer on 127.0.0.1 after {attempt} attempts");
            }
        }
    }

    /// <summary>
    /// The registry kept running on 127.0.0.1:<paramref name="port"/> with its storage, config, log and pid file
    /// in <paramref name="stateDirectory"/>: returns the running one when it answers, else starts it detached.
    /// Disposing leaves it running; <see cref="StopAsync"/> stops it.
    /// </summary>
    public static async Task<LocalRegistry> EnsureRunningAsync(int port, AbsolutePath stateDirectory, ILog log, TimeProvider timeProvider, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(stateDirectory);
        ArgumentNullException.ThrowIfNull(log);
        ArgumentNullException.ThrowIfNull(timeProvider);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(port);
        stateDirectory.CreateDirectory();
        using var startLock = await FileLock.AcquireAsync(stateDirectory / "registry.lock", TimeSpan.FromMinutes(1), timeProvider, cancellationToken);

        var running = DetachedDaemon.Find(PidFile(stateDirectory), LogFile(stateDirectory));
        if (running is not null)
        {
            var existing = new LocalRegistry(port, ServiceLifetime.KeepRunning, null, null, running);
            if (await existing.WaitUntilAnsweringAsync(() => running.IsRunning, timeProvider, cancellationToken, TimeSpan.FromSeconds(5)))
            {
                log.Information($"Registry already running at {existing.BaseAddress} (pid {running.ProcessId}, state {stateDirectory})");
                return existing;
            }

            log.Warning($"Registry (pid {running.ProcessId}) does not answer at {existing.BaseAddress}: restarting it");
            await running.StopAsync(StopGrace, timeProvider, cancellationToken);
        }

        if (FreePort.IsListening(port))
        {
            throw new InvalidOperationException(
                $"Port {port} on 127.0.0.1 is taken by another process, so the local registry cannot listen there. Stop that process or choose another registry port.");
        }

        DebianPackages.ThrowIfMissing(DebianPackages.Registry, "docker-registry");
        var config = WriteConfig(stateDirectory, port, htpasswdFile: null);
        var daemon = await DetachedDaemon.StartAsync(DebianPackages.Registry, ["serve", config], PidFile(stateDirectory), LogFile(stateDirectory), log, cancellationToken);
        var registry = new LocalRegistry(port, ServiceLifetime.KeepRunning, null, null, daemon);
        if (!await registry.WaitUntilAnsweringAsync(() => daemon.IsRunning, timeProvider, cancellationToken))
        {
            var tail = daemon.LogTail();
            await daemon.StopAsync(StopGrace, timeProvider, cancellationToken);
            throw new InvalidOperationException($"{DebianPackages.Registry} did not answer at {registry.BaseAddress} within {StartTimeout.TotalSeconds:0} s; last lines of {daemon.LogFile}:{Environment.NewLine}{tail}");
        }

        log.Information($"Registry listens at {registry.BaseAddress} (pid {daemon.ProcessId}, state {stateDirectory}); it keeps running after this build");
        return registry;
    }

    /// <summary>Stops the kept-running registry whose state is in <paramref name="stateDirectory"/>; its storage stays. False when none ran.</summary>
    public static async Task<bool> StopAsync(AbsolutePath stateDirectory, TimeProvider timeProvider, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(stateDirectory);
        var running = DetachedDaemon.Find(PidFile(stateDirectory), LogFile(stateDirectory));
        if (running is null)
        {
            return false;
        }

        await running.StopAsync(StopGrace, timeProvider, cancellationToken);
        return true;
    }

    /// <summary>A throw-away registry stops and its storage goes; a kept-running one is left as it is.</summary>
    public async ValueTask DisposeAsync()
    {
        if (process is null)
        {
            return;
        }

        try
        {
            if (!process.HasExited)
            {
                process.Kill(entireProcessTree: true);
                await process.WaitForExitAsync();
            }
        }
        finally
        {
            process.Dispose();
            try
            {
                Directory.Delete(temporaryDirectory!, recursive: true);
            }
            catch (IOException)
            {
                // A leftover temp directory is harmless; failing a run over it is not.
            }
        }
    }

    private static AbsolutePath PidFile(AbsolutePath stateDirectory) => stateDirectory / "registry.pid";

    private static AbsolutePath LogFile(AbsolutePath stateDirectory) => stateDirectory / "registry.log";

    private static string WriteConfig(string directory, int port, string? htpasswdFile)
    {
        var config = Path.Combine(directory, "config.yml");
        File.WriteAllText(config, $"""
            version: 0.1
            log:
              level: warn
              accesslog:
                disabled: true
            storage:
              filesystem:
                rootdirectory: {Path.Combine(directory, "data")}
              delete:
                enabled: true
            http:
              addr: 127.0.0.1:{port.ToString(CultureInfo.InvariantCulture)}
            {(htpasswdFile is null ? "" : $"auth:\n  htpasswd:\n    realm: slipway\n    path: {htpasswdFile}\n")}
            """);
        return config;
    }

    /// <summary>True once <c>/v2/</c> answers (401 counts: the registry is up and wants credentials); false when the process died or time ran out.</summary>
    private async Task<bool> WaitUntilAnsweringAsync(Func<bool> alive, TimeProvider timeProvider, CancellationToken cancellationToken, TimeSpan? timeout = null)
    {
        using var http = new HttpClient { BaseAddress = BaseAddress, Timeout = TimeSpan.FromSeconds(2) };
        return await Waiting.UntilAsync(
            async ct =>
            {
                if (!alive())
                {
                    return true;
                }

                try
                {
                    using var response = await http.GetAsync(new Uri("v2/", UriKind.Relative), ct);
                    return response.IsSuccessStatusCode || response.StatusCode == System.Net.HttpStatusCode.Unauthorized;
                }
                catch (HttpRequestException)
                {
                    return false;
                }
                catch (TaskCanceledException) when (!ct.IsCancellationRequested)
                {
                    return false; // The 2 s request timeout: not up yet.
                }
            },
            timeout ?? StartTimeout,
            timeProvider,
            cancellationToken) && alive();
    }
}
