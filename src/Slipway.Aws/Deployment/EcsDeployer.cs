using Slipway.Aws.Deployment.Environments;
using Slipway.Aws.Deployment.Records;
using Slipway.Aws.Deployment.Services;
using Slipway.Aws.Deployment.TaskDefinitions;
using Slipway.Aws.Deployment.Watching;
using Slipway.Aws.Ecr;
using Slipway.Aws.Ecs;
using Slipway.Aws.Ecs.Model;
using Slipway.Output;
using Task = System.Threading.Tasks.Task;

namespace Slipway.Aws.Deployment;

/// <summary>
/// EcsDeploy, one step per line as the ECS documentation orders them: render the task definition, check the image is
/// in the repository, check the lock, ensure the cluster, register or reuse the revision, create or update the service (respecting
/// the lock), wait for our deployment, and keep the record. Every writing call goes through <see cref="RemoteChanges"/>,
/// so a dry run makes none and a no-change redeploy shows none.
/// </summary>
public sealed class EcsDeployer(IAmazonECS ecs, IAmazonECR ecr, TimeProvider time, ILog log, IDeploymentObserver observer)
{
    public async Task<EcsDeployResult> DeployAsync(EcsDeployRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var environment = request.Environment;
        var startedAt = time.GetUtcNow();
        var changes = new RemoteChanges(request.DryRun, log);

        var repositoryUri = request.RepositoryUri ?? (await new RepositoryEnsurer(ecr, changes).FindAsync(environment.Repository, cancellationToken)
            ?? throw new DeployConfigurationException($"The ECR repository '{environment.Repository}' does not exist. Nothing was changed. Run EnvironmentUp or EcrPush for '{environment.Name}' first.")).RepositoryUri;
        var image = $"{repositoryUri}@{request.Digest}";
        var rendered = Render(request, image);
        if (!request.ImageSeenInRepository)
        {
            // Unless EcrPush of this build saw the digest there a moment ago.
            await CheckImageAsync(request, cancellationToken);
        }

        // The lock before any change: a deploy refused because another one rolls out leaves no new revision behind.
        var registrar = new TaskDefinitionRegistrar(ecs, changes);
        var deploymentLock = new DeploymentLock(registrar, time);
        var deployer = new ServiceDeployer(ecs, changes, deploymentLock, time);
        var existing = await deployer.DescribeAsync(environment.Cluster, environment.Service, cancellationToken);
        var tags = new DeploymentTags(request.Version, request.Commit, request.Digest, environment.Name, request.Actor);
        var lockWarning = existing is not null ? await deploymentLock.CheckAsync(existing, request.Force, cancellationToken, tags) : null;
        if (lockWarning is not null)
        {
            log.Warning(lockWarning);
        }

        if (existing is null)
        {
            // A service that exists has its cluster: only a new service may need one.
            await new ClusterEnsurer(ecs, changes).EnsureAsync(environment.Cluster, environment.Tags, cancellationToken);
        }
        var diff = await DiffAgainstRunningAsync(registrar, request, rendered, cancellationToken);
        var choice = await registrar.RegisterOrReuseAsync(rendered, tags, cancellationToken);
        log.Information(choice.Reused ? $"Task definition {choice.Arn} already says the same: reused" : $"Task definition {choice.Arn}");

        // Nothing was written since the service was described unless a revision was registered: reuse that look.
        var deployment = await deployer.DeployAsync(environment, choice.Arn, request.Force, cancellationToken, existing, tags);

        if (deployment.Action == ServiceAction.Joined)
        {
            log.Information($"Deployment {deployment.DeploymentId} of this release ({ServiceDeployments.FamilyRevision(choice.Arn)}, started by an earlier run) is still rolling out: no new deployment, this run waits for it");
        }

        var outcome = Outcome(request, deployment);
        if (outcome == "waiting")
        {
            log.Information($"Waiting for deployment {deployment.DeploymentId ?? "(not yet named)"} ({request.Watch.Mode}, at most {request.Watch.Timeout.TotalMinutes:0.#} min)");
            await new DeploymentWatcher(ecs, time, observer).WatchAsync(deployment, request.Watch, cancellationToken);
            outcome = "succeeded";

            // The revision's record of success: what Rollback, Promote --version and Releases read.
            await Promotion.DeploymentMarks.MarkSucceededAsync(ecs, choice.Arn, request.Actor, time.GetUtcNow(), cancellationToken);
        }
        else if (outcome == "unchanged" && request.Watch.Mode != WaitMode.None && !IsMarkedSucceeded(choice))
        {
            // Steady on a revision no run saw succeed (a deploy interrupted after its update, which ECS finished
            // since): the wait asked for is over, so its success goes on record, once.
            await Promotion.DeploymentMarks.MarkSucceededAsync(ecs, choice.Arn, request.Actor, time.GetUtcNow(), cancellationToken);
        }

        var record = new DeploymentRecord
        {
            Environment = environment.Name,
            Account = request.Caller.Account,
            Region = environment.Region,
            Caller = request.Caller.Arn,
            Cluster = environment.Cluster,
            Service = environment.Service,
            Version = request.Version,
            Commit = request.Commit,
            Image = image,
            Digest = request.Digest,
            TaskDefinitionArn = choice.Arn,
            TaskDefinitionReused = choice.Reused,
            Action = deployment.Action.ToString().ToLowerInvariant(),
            DeploymentId = deployment.DeploymentId,
            Outcome = outcome,
            Actor = request.Actor,
            StartedAt = startedAt,
            FinishedAt = time.GetUtcNow(),
            WritingCalls = changes.Calls,
        };
        return new EcsDeployResult(record, TaskDefinitionDiff.Show(TaskDefinitionNormalizer.Normalize(rendered)), diff);
    }

    private async Task CheckImageAsync(EcsDeployRequest request, CancellationToken cancellationToken)
    {
        var repository = request.Environment.Repository;
        if (!request.DryRun)
        {
            await new EcrImages(ecr).RequireAsync(repository, request.Digest, cancellationToken);
        }
        else if (await new EcrImages(ecr).FindAsync(repository, request.Digest, cancellationToken) is null)
        {
            log.Information($"{request.Digest} is not in the repository yet (EcrPush would push it)");
        }
    }

    /// <summary>
    /// Renders the template as EcsDeploy will, with a stand-in image, before anything remote is changed: a target that
    /// prepares the environment for this deploy (EnvironmentUp) refuses early what EcsDeploy would refuse.
    /// </summary>
    /// <returns>The rendering (its family and roles are what the deploy will register).</returns>
    /// <exception cref="DeployConfigurationException">The template is missing or does not render.</exception>
    public static RegisterTaskDefinitionRequest CheckTemplate(DeployEnvironment environment, string templateFile, Func<string, string?> getEnvironmentVariable)
    {
        ArgumentNullException.ThrowIfNull(environment);
        var standIn = $"{environment.Repository}@sha256:{new string('0', 64)}";
        return Render(templateFile, environment, standIn, "0.0.0", new string('0', 40), getEnvironmentVariable);
    }

    private static RegisterTaskDefinitionRequest Render(EcsDeployRequest request, string image) =>
        Render(request.TemplateFile, request.Environment, image, request.Version, request.Commit, request.GetEnvironmentVariable);

    private static RegisterTaskDefinitionRequest Render(string templateFile, DeployEnvironment environment, string image, string version, string commit, Func<string, string?> getEnvironmentVariable)
    {
        if (!File.Exists(templateFile))
        {
            throw new DeployConfigurationException($"{templateFile} does not exist: EcsDeploy renders the task definition from it (AWS's task-definition JSON with {{{{image}}}} placeholders).");
        }

        return TaskDefinitionTemplate.Render(File.ReadAllText(templateFile), templateFile, new TemplateValues
        {
            Image = image,
            Version = version,
            Commit = commit,
            Environment = environment.Name,
            Variables = environment.Variables,
            VariablesFile = environment.File,
            GetEnvironmentVariable = getEnvironmentVariable,
        });
    }

    /// <summary>The rendering against the revision the service runs now (masked): empty when they say the same.</summary>
    private static async Task<string> DiffAgainstRunningAsync(TaskDefinitionRegistrar registrar, EcsDeployRequest request, RegisterTaskDefinitionRequest rendered, CancellationToken cancellationToken)
    {
        if (!request.DryRun)
        {
            return "";
        }

        var running = await registrar.RunningAsync(request.Environment.Cluster, request.Environment.Service, cancellationToken);
        return TaskDefinitionDiff.Compute(running is null ? null : TaskDefinitionNormalizer.Normalize(running), TaskDefinitionNormalizer.Normalize(rendered));
    }

    private static bool IsMarkedSucceeded(TaskDefinitionChoice choice) =>
        choice.Latest?.Tags?.Any(t => t.Key == Promotion.DeploymentMarks.DeployedAt) == true;

    private static string Outcome(EcsDeployRequest request, ServiceDeployment deployment) =>
        request.DryRun ? "dry-run"
        : deployment.Action == ServiceAction.Unchanged ? "unchanged"
        : request.Watch.Mode == WaitMode.None ? "not-waited"
        : "waiting";
}
