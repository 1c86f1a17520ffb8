using System.Globalization;
using Slipway.Processes;

namespace Slipway.Components.Local;

/// <summary>
/// The local cloud (<c>src/Slipway.LocalCloud</c>) kept running on 127.0.0.1, detached, with its state under the
/// layout. It runs from a private copy of its binaries, made when it has to start, so a rebuild of the solution
/// (or an update of the package) never replaces the files of the running process. <paramref name="source"/> is its
/// project, published into the copy, or a directory of its published binaries (what the Slipway.LocalCloud
/// package puts next to a build), copied.
/// </summary>
internal sealed class LocalCloudService(LocalEnvironmentLayout layout, AbsolutePath source, string configuration, ILog log, TimeProvider timeProvider)
{
    public const string Assembly = "Slipway.LocalCloud.dll";

    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(60);
    private static readonly TimeSpan StopGrace = TimeSpan.FromSeconds(15);

    public async Task<string> EnsureRunningAsync(Uri endpoint, string registryHost, string region, CancellationToken cancellationToken)
    {
        if (Find() is { } running)
        {
            var registry = layout.CloudRegistryFile.FileExists ? layout.CloudRegistryFile.ReadAllText().Trim() : null;
            if (registry == registryHost && await LocalCloudHealth.AnswersAsync(endpoint, cancellationToken))
            {
                return $"Local cloud: {endpoint} (pid {running.ProcessId}, already running)";
            }

            log.Information($"The local cloud (pid {running.ProcessId}) {(registry == registryHost ? "does not answer" : $"uses the registry {registry}, not {registryHost}")}: restarting it");
            await running.StopAsync(StopGrace, timeProvider, cancellationToken);
        }
        else if (FreePort.IsListening(endpoint.Port))
        {
            throw new InvalidOperationException(
                $"Something else listens on 127.0.0.1:{endpoint.Port} (another clone's local cloud?), where this clone's local cloud should. Stop it (./build.sh EnvironmentDown in that clone), or give this environment another port in the \"endpoints\" of its environment file.");
        }

        if (source.DirectoryExists)
        {
            CopyPublishedBinaries();
        }
        else
        {
            await PublishAsync(cancellationToken);
        }

        layout.CloudState.CreateDirectory();
        var daemon = await DetachedDaemon.StartAsync(
            DotNetHost.Path,
            [
                layout.CloudBinaries / Assembly,
                "--port", endpoint.Port.ToString(CultureInfo.InvariantCulture),
                "--state", layout.CloudState,
                "--registry", registryHost,
                "--region", region,
            ],
            layout.CloudPidFile,
            layout.CloudLogFile,
            log,
            cancellationToken);
        layout.CloudRegistryFile.WriteAllText(registryHost);
        var started = timeProvider.GetTimestamp();
        if (!await Waiting.UntilAsync(async ct => !daemon.IsRunning || await LocalCloudHealth.AnswersAsync(endpoint, ct), StartTimeout, timeProvider, cancellationToken) || !daemon.IsRunning)
        {
            var tail = daemon.LogTail();
            await daemon.StopAsync(TimeSpan.FromSeconds(5), timeProvider, CancellationToken.None);
            throw new InvalidOperationException($"The local cloud did not answer at {endpoint} within {StartTimeout.TotalSeconds:0} s; last lines of {layout.CloudLogFile}:{Environment.NewLine}{tail}");
        }

        return $"Local cloud: started at {endpoint} in {timeProvider.GetElapsedTime(started).TotalSeconds:0.0} s (pid {daemon.ProcessId}, state {layout.CloudState}, log {layout.CloudLogFile})";
    }

    /// <summary>SIGTERM: the local cloud saves its state and leaves its tasks running (EnvironmentDown stops them next).</summary>
    public async Task<string?> StopAsync(CancellationToken cancellationToken)
    {
        if (Find() is not { } running)
        {
            return null;
        }

        await running.StopAsync(StopGrace, timeProvider, cancellationToken);
        return $"stopped the local cloud (pid {running.ProcessId})";
    }

    private DetachedDaemon? Find() => OwnProcess.Find(layout.CloudPidFile, layout.CloudLogFile, Assembly);

    private void CopyPublishedBinaries()
    {
        if (!(source / Assembly).FileExists)
        {
            throw new InvalidOperationException(
                $"{source} holds no {Assembly}: restore the build (its Slipway.LocalCloud package copies the local cloud there), or name the local cloud's project in ILocalEnvironment.LocalCloudProject.");
        }

        log.Information($"Copying the local cloud from {source} into {layout.CloudBinaries}");
        layout.CloudBinaries.DeleteDirectory();
        foreach (var file in Directory.EnumerateFiles(source, "*", SearchOption.AllDirectories))
        {
            var target = layout.CloudBinaries / Path.GetRelativePath(source, file);
            target.Parent!.CreateDirectory();
            File.Copy(file, target, overwrite: true);
        }
    }

    private async Task PublishAsync(CancellationToken cancellationToken)
    {
        log.Information($"Publishing the local cloud ({source.Name}, {configuration}) into {layout.CloudBinaries}");
        await new ProcessRunner(log).RunAsync(
            new ProcessSpec(DotNetHost.Path, ["publish", source, "-c", configuration, "-o", layout.CloudBinaries, "--nologo", "-v", "quiet", "-p:UseAppHost=false"]) { LogOutput = false },
            cancellationToken);
    }
}
