using Slipway.Aws.Ecs;
using Slipway.Components.Local;

namespace Slipway.Components;

/// <summary>
/// The local environment (an environment file whose <c>kind</c> is <c>local</c>): this machine plays AWS.
/// <c>LocalEnvironmentUp</c>, before <c>EnvironmentUp</c>, makes sure a Docker engine answers, a registry listens on
/// 127.0.0.1 and the local cloud answers at the file's <c>endpoints.ecs</c>, each detached with its pid, log and
/// state under <see cref="LocalEnvironmentDirectory"/>; a second run starts nothing. After a deploy it says where
/// the service answers and how to stop everything. <c>EnvironmentDown</c> stops what it started (the local cloud's
/// tasks, the local cloud, the registry, the engine only if it started it); <c>--purge</c> deletes the state too.
/// </summary>
public interface ILocalEnvironment : IEnvironmentUp, IEcsDeploy, IHazConfiguration
{
    /// <summary>Pids, logs and state of the local environment.</summary>
    AbsolutePath LocalEnvironmentDirectory => TemporaryDirectory / "local";

    /// <summary>
    /// The local cloud, copied into the local environment when it has to start: its project in this repository
    /// (published), else the published binaries the Slipway.LocalCloud package put next to the build.
    /// </summary>
    AbsolutePath LocalCloudProject => RootDirectory / "src" / "Slipway.LocalCloud" / "Slipway.LocalCloud.csproj" is { FileExists: true } project
        ? project
        : AbsolutePath.Create(AppContext.BaseDirectory) / "slipway-localcloud";

    [Parameter("EnvironmentDown: also delete the local environment's state (repositories and images, task definitions, services)")]
    bool Purge => TryGetValue<bool>(() => Purge) ?? false;

    LocalEnvironment LocalEnvironment => new(LocalEnvironmentDirectory, LocalCloudProject, Configuration.ToString(), Log, TimeProvider);

    Target LocalEnvironmentUp => _ => _
        .Description("Local environment: a Docker engine, a registry on 127.0.0.1 and the local cloud, kept running (pids, logs, state in .nuke/temp/local)")
        .DependentFor<IEnvironmentUp>(x => x.EnvironmentUp)
        .After<ITest>(x => x.TestService)
        .OnlyWhenDynamic(() => DeployEnvironment.IsLocal)
        .Executes(async ct =>
        {
            var environment = DeployEnvironment;
            var endpoint = new Uri(environment.Endpoints.Ecs ?? "http://127.0.0.1:4566");
            foreach (var line in await LocalEnvironment.UpAsync(endpoint, environment.Region, ct))
            {
                Log.Information(line);
            }

            ReportSummary($"local cloud at {endpoint}");
        });

    Target LocalServiceAddress => _ => _
        .Description("Say where the service deployed to the local environment answers, and how to stop everything")
        .Unlisted()
        .TriggeredBy<IEcsDeploy>(x => x.EcsDeploy)
        .OnlyWhenDynamic(() => DeployEnvironment.IsLocal && !DryRun)
        .Executes(async ct =>
        {
            var environment = DeployEnvironment;
            using var ecs = new AmazonECSClient(AwsOptions(environment, environment.Endpoints.Ecs));
            var url = await Local.LocalServiceAddress.FindAsync(ecs, environment.Cluster, environment.Service, ct);
            var down = environment.Name == "local" ? "./build.sh EnvironmentDown" : $"./build.sh EnvironmentDown --environment {environment.Name}";
            Log.Information(url is null
                ? $"The service '{environment.Service}' maps no port, so the local load balancer publishes none."
                : $"The service answers at {url} (try {new Uri(url, "/health")} and {new Uri(url, "/version")})");
            Log.Information($"Stop everything: {down}   (add --purge to delete the local environment's state too)");
            ReportSummary(url?.ToString() ?? "no published port");
        });

    Target EnvironmentDown => _ => _
        .Description("Stop what LocalEnvironmentUp started (tasks, local cloud, registry, the engine if it started it); --purge deletes the state")
        .Executes(async ct =>
        {
            var environment = DeployEnvironment;
            if (!environment.IsLocal)
            {
                throw new UsageException(
                    $"EnvironmentDown stops the local environment; '{environment.Name}' ({environment.File}) is an AWS environment, which the build never tears down. Use --environment with a local one, e.g. --environment local.");
            }

            foreach (var line in await LocalEnvironment.DownAsync(Purge, ct))
            {
                Log.Information(line);
            }

            ReportSummary(Purge ? "stopped, state deleted" : "stopped (state kept: --purge deletes it)");
        });
}
