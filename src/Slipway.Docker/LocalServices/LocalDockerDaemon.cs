using System.Diagnostics;
using Slipway.Output;
using Slipway.Processes;

namespace Slipway.Docker;

/// <summary>
/// Makes sure a Docker engine answers on this machine's Unix socket, starting the installed <c>dockerd</c>
/// with the safe flags (no bridge, no iptables) when nothing does. A file lock keeps two processes (two test
/// runs, a build and a test) from starting two daemons on one socket. Every instance holds a shared "in use"
/// lock; disposing stops only a daemon this instance started, and only when no other process still uses it.
/// </summary>
public sealed class LocalDockerDaemon : IAsyncDisposable
{
    /// <summary>Every container and build uses host networking, so the engine needs no bridge or NAT rules.</summary>
    public static IReadOnlyList<string> SafeFlags { get; } = ["--bridge=none", "--iptables=false", "--ip-masq=false"];

    private const string Dockerd = DebianPackages.Dockerd;
    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(60);
    private static readonly TimeSpan StopTimeout = TimeSpan.FromSeconds(30);

    private static readonly string LockFile = Path.Combine(Path.GetTempPath(), "slipway-dockerd.lock");
    private static readonly string UsersFile = Path.Combine(Path.GetTempPath(), "slipway-dockerd.users");

    // The pid of a dockerd that EnsureRunningAsync started: whichever user leaves last stops it, so the process
    // that started it may end first (test assemblies run side by side) without leaving it running for ever.
    private static readonly string StartedFile = Path.Combine(Path.GetTempPath(), "slipway-dockerd.started");

    private readonly Process? process;
    private readonly ILog log;
    private readonly TimeProvider timeProvider;
    private readonly FileLock? usage;

    private LocalDockerDaemon(Process? process, FileLock? usage, string? logFile, ILog log, TimeProvider timeProvider)
    {
        this.process = process;
        this.usage = usage;
        LogFile = logFile;
        this.log = log;
        this.timeProvider = timeProvider;
    }

    public ServiceLifetime Lifetime { get; private init; } = ServiceLifetime.ThrowAway;

    /// <summary>True when this instance started dockerd (and will stop it on dispose).</summary>
    public bool StartedHere => process is not null;

    /// <summary>Where the started daemon writes its log; null when an engine already answered.</summary>
    public string? LogFile { get; }

    /// <summary>
    /// The engine for the local environment, which outlives the build: returns at once when
    /// <paramref name="engine"/> answers; otherwise starts <c>dockerd</c> detached, with its pid file and log in
    /// <paramref name="stateDirectory"/>, and waits until it answers. Disposing leaves it running.
    /// </summary>
    public static async Task<LocalDockerDaemon> EnsureKeptRunningAsync(DockerEngine engine, AbsolutePath stateDirectory, ILog log, TimeProvider timeProvider, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(engine);
        ArgumentNullException.ThrowIfNull(stateDirectory);
        ArgumentNullException.ThrowIfNull(log);
        ArgumentNullException.ThrowIfNull(timeProvider);
        var kept = new LocalDockerDaemon(null, null, stateDirectory / "dockerd.log", log, timeProvider) { Lifetime = ServiceLifetime.KeepRunning };
        if (await engine.IsAnsweringAsync(cancellationToken))
        {
            return kept;
        }

        if (!engine.IsLocalSocket)
        {
            throw new DockerEngineUnavailableException(DockerEngine.UnavailableMessage(engine.Endpoint, new IOException("a remote engine cannot be started from here")));
        }

        using var startLock = await FileLock.AcquireAsync(LockFile, TimeSpan.FromMinutes(5), timeProvider, cancellationToken);
        if (await engine.IsAnsweringAsync(cancellationToken))
        {
            return kept;
        }

        DebianPackages.ThrowIfMissing(Dockerd, "docker.io");
        var daemon = await DetachedDaemon.StartAsync(Dockerd, [.. SafeFlags, "--host", $"unix://{engine.Endpoint.AbsolutePath}"], stateDirectory / "dockerd.pid", stateDirectory / "dockerd.log", log, cancellationToken);
        if (!await Waiting.UntilAsync(async ct => !daemon.IsRunning || await engine.IsAnsweringAsync(ct), StartTimeout, timeProvider, cancellationToken) || !daemon.IsRunning)
        {
            var tail = daemon.LogTail();
            await daemon.StopAsync(StopTimeout, timeProvider, cancellationToken);
            throw new DockerEngineUnavailableException($"dockerd did not come up at {engine.Endpoint} within {StartTimeout.TotalSeconds:0} s; last lines of {daemon.LogFile}:{Environment.NewLine}{tail}");
        }

        return kept;
    }

    /// <summary>
    /// For tests: returns at once when <paramref name="engine"/> answers; otherwise starts <c>dockerd</c> on the
    /// engine's socket (docker.io must be installed: see <see cref="DebianPackages"/>) and waits until it answers.
    /// </summary>
    public static async Task<LocalDockerDaemon> EnsureRunningAsync(DockerEngine engine, ILog log, TimeProvider timeProvider, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(engine);
        ArgumentNullException.ThrowIfNull(log);
        ArgumentNullException.ThrowIfNull(timeProvider);
        if (!engine.IsLocalSocket)
        {
            return await engine.IsAnsweringAsync(cancellationToken)
                ? new LocalDockerDaemon(null, null, null, log, timeProvider)
                : throw new DockerEngineUnavailableException(DockerEngine.UnavailableMessage(engine.Endpoint, new IOException("a remote engine cannot be started from here")));
        }

        // Held until dispose, so whoever started the daemon knows we still need it.
        var usage = await FileLock.AcquireSharedAsync(UsersFile, TimeSpan.FromMinutes(1), timeProvider, cancellationToken);
        try
        {
            return await StartUnlessAnsweringAsync(engine, usage, log, timeProvider, cancellationToken);
        }
        catch
        {
            usage.Dispose();
            throw;
        }
    }

    /// <summary>
    /// Releases this instance's "in use" hold; the last holder to leave stops (SIGTERM, so it stops its
    /// containers cleanly) the dockerd that <see cref="EnsureRunningAsync"/> started, whoever started it. An
    /// engine that was already answering is never stopped.
    /// </summary>
    public async ValueTask DisposeAsync()
    {
        if (usage is null)
        {
            process?.Dispose();
            return;
        }

        usage.Dispose();
        using var alone = FileLock.TryAcquire(UsersFile);
        if (alone is null)
        {
            if (process is not null)
            {
                log.Information($"Leaving dockerd (pid {process.Id}) running: another process is still using it and stops it when done");
                process.Dispose();
            }

            return;
        }

        if (process is not null)
        {
            await StopAsync(process);
        }
        else if (StartedDaemon() is { } started)
        {
            await StopAsync(started);
        }

        File.Delete(StartedFile);
    }

    /// <summary>The dockerd whose pid <see cref="StartedFile"/> holds, if that pid is still a dockerd.</summary>
    private static Process? StartedDaemon()
    {
        if (!File.Exists(StartedFile) || !int.TryParse(File.ReadAllText(StartedFile).Trim(), System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var pid))
        {
            return null;
        }

        var comm = $"/proc/{pid}/comm";
        if (!File.Exists(comm) || File.ReadAllText(comm).Trim() != "dockerd")
        {
            return null;
        }

        try
        {
            return Process.GetProcessById(pid);
        }
        catch (ArgumentException)
        {
            return null; // exited just now
        }
    }

    private static async Task<LocalDockerDaemon> StartUnlessAnsweringAsync(DockerEngine engine, FileLock usage, ILog log, TimeProvider timeProvider, CancellationToken cancellationToken)
    {
        if (await engine.IsAnsweringAsync(cancellationToken))
        {
            return new LocalDockerDaemon(null, usage, null, log, timeProvider);
        }

        using var startLock = await FileLock.AcquireAsync(LockFile, TimeSpan.FromMinutes(5), timeProvider, cancellationToken);

        // Another process may have started one while we waited for the lock.
        if (await engine.IsAnsweringAsync(cancellationToken))
        {
            return new LocalDockerDaemon(null, usage, null, log, timeProvider);
        }

        DebianPackages.ThrowIfMissing(Dockerd, "docker.io");

        var socket = engine.Endpoint.AbsolutePath;
        var logFile = Path.Combine(Path.GetTempPath(), "slipway-dockerd.log");
        var arguments = string.Join(' ', SafeFlags) + $" --host unix://{socket}";
        log.Information($"No Docker engine answers at {engine.Endpoint}: starting {Dockerd} {arguments} (log: {logFile})");

        // exec through sh so the process we hold is dockerd itself and its output goes to a file, not a pipe
        // that would block the daemon once nobody reads it.
        var startInfo = new ProcessStartInfo("/bin/sh") { UseShellExecute = false };
        startInfo.ArgumentList.Add("-c");
        startInfo.ArgumentList.Add($"exec {Dockerd} {arguments} >>'{logFile}' 2>&1 </dev/null");
        var process = Process.Start(startInfo) ?? throw new InvalidOperationException($"could not start {Dockerd}");
        var daemon = new LocalDockerDaemon(process, null, logFile, log, timeProvider);

        var started = timeProvider.GetTimestamp();
        var answered = await Waiting.UntilAsync(
            async ct => process.HasExited || await engine.IsAnsweringAsync(ct),
            StartTimeout,
            timeProvider,
            cancellationToken);
        if (!answered || process.HasExited)
        {
            var tail = File.Exists(logFile) ? string.Join('\n', (await File.ReadAllLinesAsync(logFile, cancellationToken)).TakeLast(15)) : "";
            await daemon.StopAsync(process);
            throw new DockerEngineUnavailableException($"dockerd did not come up at {engine.Endpoint} within {StartTimeout.TotalSeconds:0} s; last lines of {logFile}:{Environment.NewLine}{tail}");
        }

        await File.WriteAllTextAsync(StartedFile, process.Id.ToString(System.Globalization.CultureInfo.InvariantCulture), cancellationToken);
        log.Information($"dockerd (pid {process.Id}) answers at {engine.Endpoint} after {timeProvider.GetElapsedTime(started).TotalSeconds:0.0} s");
        return new LocalDockerDaemon(process, usage, logFile, log, timeProvider);
    }

    private async Task StopAsync(Process daemon)
    {
        try
        {
            if (!daemon.HasExited)
            {
                log.Information($"Stopping dockerd (pid {daemon.Id}), started for these tests, now that nothing uses it");
                await new ProcessRunner(log).RunAsync(
                    new ProcessSpec("kill", ["-TERM", daemon.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)]) { LogOutput = false, ThrowOnFailure = false },
                    CancellationToken.None);
                using var timeout = new CancellationTokenSource(StopTimeout, timeProvider);
                try
                {
                    await daemon.WaitForExitAsync(timeout.Token);
                }
                catch (OperationCanceledException)
                {
                    log.Warning($"dockerd (pid {daemon.Id}) did not stop within {StopTimeout.TotalSeconds:0} s: killing it");
                    daemon.Kill();
                }
            }
        }
        finally
        {
            daemon.Dispose();
        }
    }
}
