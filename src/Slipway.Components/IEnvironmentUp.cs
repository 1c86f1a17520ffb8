using Slipway.Aws.Deployment;
using Slipway.Aws.Deployment.Environments;
using Slipway.Aws.Deployment.Services;
using Slipway.Aws.Ecr;
using Slipway.Aws.Ecs;

namespace Slipway.Components;

/// <summary>
/// <c>EnvironmentUp</c>: the environment's ECR repository (immutable tags, scan on push, the lifecycle policy of
/// <c>deploy/ecr-lifecycle.json</c>; drift of an existing one reported) and its ECS cluster. For the local
/// environment, the local environment component starts the engine, registry and local cloud before it.
/// </summary>
public interface IEnvironmentUp : IDeployEnvironment
{
    [Parameter("Change an existing ECR repository whose settings drifted from the pipeline's (default: only report the drift)")]
    bool FixRepositoryDrift => TryGetValue<bool>(() => FixRepositoryDrift) ?? false;

    AbsolutePath LifecyclePolicyFile => DeployDirectory / "ecr-lifecycle.json";

    Target EnvironmentUp => _ => _
        .Description("Ensure the ECR repository and ECS cluster of --environment")
        .After<ITest>(x => x.TestService)
        .After<IDockerImage>(x => x.DockerBuild)
        .Executes(ct => DeployFailures.RunAsync(async () =>
        {
            var environment = DeployEnvironment;

            // STS answers while the inputs are checked and the repository and cluster looked at; nothing is written
            // before it did (and the account is the environment's), and a wrong account is the error reported
            // first. A no-change run waits for the slowest call, not for their sum.
            using var stop = CancellationTokenSource.CreateLinkedTokenSource(ct);
            var account = VerifyAccountAsync(environment, stop.Token);
            RepositorySettings settings;
            try
            {
                settings = RepositorySettings.FromFile(LifecyclePolicyFile, environment.Tags);
                await CheckWhatFollowsAsync(environment, ct);
            }
            catch
            {
                await account;
                throw;
            }

            var changes = new RemoteChanges(DryRun, Log, account);
            using var ecr = new AmazonECRClient(AwsOptions(environment, environment.Endpoints.Ecr));
            using var ecs = new AmazonECSClient(AwsOptions(environment, environment.Endpoints.Ecs));
            var ensured = EnsureAsync(environment, settings, changes, ecr, ecs, stop.Token);
            try
            {
                await account;
            }
            catch
            {
                await stop.CancelAsync();
                await Task.WhenAny(ensured); // let the looks end before the clients are disposed; their errors matter less
                throw;
            }

            var (repository, cluster) = await ensured;
            if (!DryRun)
            {
                DeployRunMemory.Of(this).RememberRepository(environment.Name, repository);
            }

            foreach (var drift in repository.Drift)
            {
                Log.Warning($"ECR repository '{repository.Name}' drifted: {drift}{(FixRepositoryDrift ? " (fixed)" : "; pass --fix-repository-drift to correct it")}");
            }

            ReportSummary($"{environment.Name}: repository {repository.Name}, cluster {cluster}" + (changes.Calls.Count == 0 ? " (no change)" : $" ({string.Join(", ", changes.Calls)})"));
        }));

    private async Task<(EcrRepository Repository, string Cluster)> EnsureAsync(
        DeployEnvironment environment, RepositorySettings settings, RemoteChanges changes, AmazonECRClient ecr, AmazonECSClient ecs, CancellationToken cancellationToken)
    {
        var repository = await new RepositoryEnsurer(ecr, changes).EnsureAsync(environment.Repository, settings, FixRepositoryDrift, cancellationToken);
        var (cluster, _) = await new ClusterEnsurer(ecs, changes).EnsureAsync(environment.Cluster, environment.Tags, cancellationToken);
        return (repository, cluster);
    }

    /// <summary>
    /// What the targets after this one in this run would refuse, refused before the repository or cluster is made:
    /// no image to push (EcrPush), a template that does not render (EcsDeploy). A deploy refused for its inputs leaves
    /// no half-done remote change behind. (After DockerBuild, so the image record it writes is there to check.)
    /// </summary>
    private async Task CheckWhatFollowsAsync(DeployEnvironment environment, CancellationToken cancellationToken)
    {
        if (this is IEcrPush push && ScheduledTargets.Contains(nameof(IEcrPush.EcrPush)))
        {
            await push.ReadImageRecordAsync(cancellationToken);
        }

        if (this is IEcsDeploy deploy && ScheduledTargets.Contains(nameof(IEcsDeploy.EcsDeploy)))
        {
            EcsDeployer.CheckTemplate(environment, deploy.TaskDefinitionTemplate, System.Environment.GetEnvironmentVariable);
        }
    }
}
