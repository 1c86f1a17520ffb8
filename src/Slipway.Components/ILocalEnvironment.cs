using Slipway.Components.Local;

namespace Slipway.Components;

/// <summary>
/// The local environment: this machine plays AWS. <c>LocalEnvironmentUp</c> makes sure a Docker engine answers,
/// a registry listens on 127.0.0.1 and the local cloud answers at the environment's endpoint, each detached with
/// its pid, log and state under <see cref="LocalEnvironmentDirectory"/>; a second run starts nothing.
/// <c>EnvironmentDown</c> stops what it started (the local cloud's tasks, the local cloud, the registry, the
/// engine only if it started it); <c>--purge</c> deletes the state too.
/// </summary>
public interface ILocalEnvironment : IHazConfiguration
{
    /// <summary>Pids, logs and state of the local environment.</summary>
    AbsolutePath LocalEnvironmentDirectory => TemporaryDirectory / "local";

    /// <summary>The local cloud's project: published into the local environment when it has to start.</summary>
    AbsolutePath LocalCloudProject => RootDirectory / "src" / "Slipway.LocalCloud" / "Slipway.LocalCloud.csproj";

    /// <summary>Where the local cloud listens: the environment file's <c>endpoints.ecs</c>.</summary>
    Uri LocalCloudEndpoint => new("http://127.0.0.1:4566");

    /// <summary>The region the local cloud puts in its ARNs: the environment file's <c>region</c>.</summary>
    string LocalCloudRegion => "us-east-1";

    [Parameter("EnvironmentDown: also delete the local environment's state (repositories and images, task definitions, services)")]
    bool? Purge => TryGetValue<bool>(() => Purge);

    LocalEnvironment LocalEnvironment => new(LocalEnvironmentDirectory, LocalCloudProject, Configuration.ToString(), Log, TimeProvider);

    Target LocalEnvironmentUp => _ => _
        .Description("Local environment: a Docker engine, a registry on 127.0.0.1 and the local cloud, each kept running (pids, logs, state in .nuke/temp/local)")
        .Executes(async ct =>
        {
            foreach (var line in await LocalEnvironment.UpAsync(LocalCloudEndpoint, LocalCloudRegion, ct))
            {
                Log.Information(line);
            }

            ReportSummary($"local cloud {LocalCloudEndpoint}");
        });

    Target EnvironmentDown => _ => _
        .Description("Stop what LocalEnvironmentUp started (tasks, local cloud, registry, the engine if it started it); --purge deletes the state")
        .Executes(async ct =>
        {
            var lines = await LocalEnvironment.DownAsync(Purge ?? false, ct);
            foreach (var line in lines)
            {
                Log.Information(line);
            }

            ReportSummary(Purge is true ? "stopped, state deleted" : "stopped (state kept: --purge deletes it)");
        });
}
