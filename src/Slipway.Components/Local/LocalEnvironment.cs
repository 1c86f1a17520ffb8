using Slipway.Docker;
using Slipway.Processes;

namespace Slipway.Components.Local;

/// <summary>
/// Brings the local environment up (a Docker engine, a registry, the local cloud) and down again. Up is
/// idempotent: what already runs is found by its pid file and probe and left as it is. Down stops only what
/// an Up started (and the local cloud's tasks), and with purge deletes the state.
/// </summary>
public sealed class LocalEnvironment
{
    private readonly LocalEnvironmentLayout layout;
    private readonly ILog log;
    private readonly TimeProvider timeProvider;

    /// <param name="root">Where pids, logs and state go, normally <c>.nuke/temp/local</c>.</param>
    /// <param name="cloudProject">The local cloud's project (published when it has to start) or a directory of its published binaries (copied).</param>
    /// <param name="configuration">The configuration it is published in (the build's, so the published bits are the compiled ones).</param>
    public LocalEnvironment(AbsolutePath root, AbsolutePath cloudProject, string configuration, ILog log, TimeProvider timeProvider)
    {
        layout = new LocalEnvironmentLayout(root);
        CloudProject = cloudProject;
        Configuration = configuration;
        this.log = log;
        this.timeProvider = timeProvider;
    }

    internal LocalEnvironmentLayout Layout => layout;

    internal AbsolutePath CloudProject { get; }

    internal string Configuration { get; }

    /// <summary>The runtime scope of this environment's local cloud: its tasks carry it as a label.</summary>
    internal string TaskScope => LocalCloudTasks.ScopeFor(layout.CloudState);

    /// <summary>Makes sure everything answers; returns one line per part (found or started).</summary>
    public async Task<IReadOnlyList<string>> UpAsync(Uri cloudEndpoint, string region, CancellationToken cancellationToken)
    {
        CheckLoopback(cloudEndpoint);
        layout.Root.CreateDirectory();
        using var exclusive = await FileLock.AcquireAsync(layout.LockFile, TimeSpan.FromMinutes(5), timeProvider, cancellationToken);
        using var engine = DockerEngine.FromEnvironment();
        var lines = new List<string>
        {
            await new LocalEngine(layout, log, timeProvider).EnsureAnsweringAsync(engine, cancellationToken),
        };
        var (registryHost, registry) = await new LocalRegistryService(layout, log, timeProvider).EnsureRunningAsync(cancellationToken);
        lines.Add(registry);
        lines.Add(await new LocalCloudService(layout, CloudProject, Configuration, log, timeProvider).EnsureRunningAsync(cloudEndpoint, registryHost, region, cancellationToken));
        return lines;
    }

    /// <summary>
    /// Stops the local cloud first (so it starts no replacement), then its tasks, the registry, and the engine
    /// when an Up started it; with <paramref name="purge"/> deletes the state too.
    /// </summary>
    public async Task<IReadOnlyList<string>> DownAsync(bool purge, CancellationToken cancellationToken)
    {
        var lines = new List<string>();
        if (!layout.Root.DirectoryExists)
        {
            return ["nothing of the local environment was running (no " + layout.Root + ")"];
        }

        using var exclusive = await FileLock.AcquireAsync(layout.LockFile, TimeSpan.FromMinutes(5), timeProvider, cancellationToken);
        Add(lines, await new LocalCloudService(layout, CloudProject, Configuration, log, timeProvider).StopAsync(cancellationToken));

        using (var engine = DockerEngine.FromEnvironment())
        {
            if (await engine.IsAnsweringAsync(cancellationToken))
            {
                var tasks = await new LocalCloudTasks(engine, TaskScope).StopAllAsync(cancellationToken);
                if (tasks.Count > 0)
                {
                    lines.Add($"stopped {tasks.Count} task(s) of the local cloud: {string.Join(", ", tasks)}");
                }
            }
        }

        Add(lines, await new LocalRegistryService(layout, log, timeProvider).StopAsync(cancellationToken));
        Add(lines, await new LocalEngine(layout, log, timeProvider).StopAsync(cancellationToken));
        if (purge)
        {
            exclusive.Dispose();
            layout.Root.DeleteDirectory();
            lines.Add($"deleted the local environment's state ({layout.Root})");
        }

        if (lines.Count == 0)
        {
            lines.Add("nothing of the local environment was running");
        }

        return lines;
    }

    private static void Add(List<string> lines, string? line)
    {
        if (line is not null)
        {
            lines.Add(line);
        }
    }

    private static void CheckLoopback(Uri endpoint)
    {
        if (endpoint.Scheme != "http" || !endpoint.IsLoopback || endpoint.IsDefaultPort && endpoint.OriginalString.IndexOf(':', 5) < 0)
        {
            throw new InvalidOperationException(
                $"The local cloud must listen on this machine over plain HTTP with a port, e.g. \"ecs\": \"http://127.0.0.1:4566\" in the environment file's \"endpoints\" (got {endpoint}).");
        }
    }
}
