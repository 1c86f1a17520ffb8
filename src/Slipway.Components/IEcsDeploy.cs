using Slipway.Aws.Deployment;
using Slipway.Aws.Deployment.Environments;
using Slipway.Aws.Deployment.Records;
using Slipway.Aws.Deployment.Watching;
using Slipway.Aws.Ecr;
using Slipway.Aws.Deployment.Services;
using Slipway.Aws.Ecs;
using DescribeServicesRequest = Slipway.Aws.Ecs.Model.DescribeServicesRequest;
using Slipway.Docker;
using Spectre.Console;

namespace Slipway.Components;

/// <summary>
/// <c>EcsDeploy</c>: renders <c>deploy/taskdef.json</c> with the pushed digest, registers it (or reuses the latest
/// revision when it says the same), creates or updates the service and waits for our deployment; the record goes to
/// <c>artifacts/deployments/&lt;environment&gt;.json</c> and the step summary. Up to date (one DescribeServices) while the
/// image, the environment file, the template and the build variables it names are unchanged and the service still
/// runs the recorded task definition, steady, at its desired count.
/// </summary>
public interface IEcsDeploy : IEcrPush
{
    [Parameter("How long EcsDeploy waits for the deployment, e.g. 10m or 90s (default 10m)")]
    TimeSpan DeployTimeout => TryGetValue<TimeSpan>(() => DeployTimeout) ?? TimeSpan.FromMinutes(10);

    [Parameter("What EcsDeploy waits for: None, Deployed (our deployment PRIMARY and COMPLETED, the default) or Stable (and the old tasks gone)")]
    WaitMode Wait => TryGetValue<WaitMode>(() => Wait) ?? WaitMode.Deployed;

    /// <summary>
    /// <c>--force</c> (or <c>--force EcsDeploy</c>): deploy although another deployment is in progress, or although
    /// the service already runs this task definition.
    /// </summary>
    bool Force => IsForced(nameof(EcsDeploy));

    AbsolutePath TaskDefinitionTemplate => DeployDirectory / "taskdef.json";

    /// <summary>The digest a dry run shows before the image was ever pushed.</summary>
    private static string PendingDigest => "sha256:" + new string('0', 64);

    AbsolutePath DeploymentRecordsDirectory => ArtifactsDirectory / "deployments";

    Target EcsDeploy => _ => _
        .Description("Register the task definition (pinned by digest) and deploy it to the environment's ECS service")
        .DependsOn<IEcrPush>(x => x.EcrPush)
        .Inputs(i => i
            .Value("environment", EnvironmentName)
            .Files(DeployEnvironment.File is { Length: > 0 } file ? AbsolutePath.Create(file) : EnvironmentsDirectory / (EnvironmentName + ".json"), TaskDefinitionTemplate)
            .Value("image", async ct => ImageRecordFile.FileExists && await ImageRecord.ReadAsync(ImageRecordFile, ct) is { } image ? $"{image.Digest} {image.Version} {image.Commit}" : null)
            .Value("template variables", TemplateEnvironmentValues())
            .Value("--dry-run", DryRun))
        .Outputs(o => o.Exists("the service runs the recorded task definition, steady", ServiceRunsRecordAsync))
        .Executes(ct => DeployFailures.RunAsync(async () =>
        {
            var environment = DeployEnvironment;
            var caller = await VerifyAccountAsync(environment, ct);
            var image = await ReadImageRecordAsync(ct);
            if (image.Digest is null && DryRun)
            {
                // EcrPush only planned the push: the registry has not named the digest yet.
                Log.Information($"The image is not in ECR yet; the rendering below pins {PendingDigest} where the pushed digest will be.");
                image = image with { Digest = PendingDigest };
            }
            else if (image.Digest is null)
            {
                throw new UsageException($"The image has not been pushed yet ({ImageRecordFile} has no digest). Run ./build.sh EcrPush --environment {environment.Name}.");
            }

            using var ecs = new AmazonECSClient(AwsOptions(environment, environment.Endpoints.Ecs));
            using var ecr = new AmazonECRClient(AwsOptions(environment, environment.Endpoints.Ecr));
            var memory = DeployRunMemory.Of(this);
            var request = DeployRequestFor(environment, caller, image.Digest, image.Version, image.Commit) with
            {
                RepositoryUri = memory.Repository(environment.Name)?.Uri,
                ImageSeenInRepository = memory.IsInEcr(environment.Name, image.Digest),
            };
            var result = await ObserveDeploymentAsync(observer => new EcsDeployer(ecs, ecr, TimeProvider, Log, observer).DeployAsync(request, ct));
            await ReportAsync(result, ct);
        }));

    /// <summary>
    /// The deploy of an image by digest to <paramref name="environment"/> with this repository's template and this
    /// build's actor, <c>--force</c>, <c>--dry-run</c>, <c>--wait</c> and <c>--deploy-timeout</c>: what EcsDeploy and
    /// Promote ask the deployer for.
    /// </summary>
    internal EcsDeployRequest DeployRequestFor(DeployEnvironment environment, CallerIdentity caller, string digest, string version, string commit) => new()
    {
        Environment = environment,
        Caller = caller,
        TemplateFile = TaskDefinitionTemplate,
        Digest = digest,
        Version = version,
        Commit = commit,
        Actor = Actor,
        Force = Force,
        DryRun = DryRun,
        Watch = new WatchOptions { Mode = Wait, Timeout = DeployTimeout },
    };

    /// <summary>The build's environment variables the template names (<c>{{env:NAME}}</c>): a change renders another task definition.</summary>
    private string TemplateEnvironmentValues() =>
        TaskDefinitionTemplate.FileExists
            ? string.Join('\n', System.Text.RegularExpressions.Regex.Matches(TaskDefinitionTemplate.ReadAllText(), @"\{\{env:([^}]+)\}\}")
                .Select(m => m.Groups[1].Value.Trim())
                .Distinct(StringComparer.Ordinal)
                .Select(name => $"{name}={System.Environment.GetEnvironmentVariable(name)}"))
            : string.Empty;

    private async Task<bool> ServiceRunsRecordAsync(CancellationToken cancellationToken)
    {
        var environment = DeployEnvironment;
        var record = await DeploymentRecord.ReadAsync(DeploymentRecordsDirectory / (environment.Name + ".json"), cancellationToken);
        if (record is not { Outcome: "succeeded" or "unchanged" })
        {
            return false;
        }

        using var ecs = new AmazonECSClient(AwsOptions(environment, environment.Endpoints.Ecs));
        var described = await ecs.DescribeServicesAsync(new DescribeServicesRequest { Cluster = environment.Cluster, Services = [environment.Service] }, cancellationToken);
        var service = described.Services?.FirstOrDefault(s => s.Status == "ACTIVE");
        return service is not null
            && ServiceDeployments.SameTaskDefinition(service.TaskDefinition, record.TaskDefinitionArn)
            && ServiceDeployments.IsSteady(service)
            && service.DesiredCount == environment.DesiredCount
            && service.RunningCount == service.DesiredCount;
    }

    /// <summary>Runs a deploy (EcsDeploy, Promote, Rollback) with its observer: live counts on a terminal, log lines elsewhere.</summary>
    internal async Task<T> ObserveDeploymentAsync<T>(Func<IDeploymentObserver, Task<T>> deploy)
    {
        if (IsServerBuild || Console.IsOutputRedirected || !AnsiConsole.Profile.Capabilities.Ansi)
        {
            return await deploy(new LogDeploymentObserver(Log));
        }

        using var live = new LiveDeploymentObserver(Log, AnsiConsole.Console);
        return await deploy(live);
    }

    internal async Task ReportAsync(EcsDeployResult result, CancellationToken cancellationToken)
    {
        var record = result.Record;
        if (record.Outcome == "dry-run")
        {
            Log.Information("Rendered task definition (sensitive values masked):" + System.Environment.NewLine + result.RenderedTaskDefinition);
            Log.Information(result.Diff.Length == 0
                ? "It says the same as the revision the service runs."
                : "Against what the service runs:" + System.Environment.NewLine + result.Diff);
            Log.Information(record.WritingCalls.Count == 0 ? "Plan: no call would change anything." : "Plan: " + string.Join("; ", record.WritingCalls));
            ReportSummary($"dry run: {record.WritingCalls.Count} writing calls planned");
            return;
        }

        await ReportRecordAsync(record, cancellationToken);
    }

    /// <summary>The record in <c>artifacts/deployments/&lt;environment&gt;.json</c>, the step summary and the build summary.</summary>
    internal async Task ReportRecordAsync(DeploymentRecord record, CancellationToken cancellationToken)
    {
        await record.WriteAsync(DeploymentRecordsDirectory / (record.Environment + ".json"), cancellationToken);
        StepSummary.WriteMarkdown(record.ToMarkdown());
        ReportSummary($"{record.Environment}: {record.Action}, {record.Outcome}, {record.TaskDefinitionArn[(record.TaskDefinitionArn.LastIndexOf('/') + 1)..]}");
    }

    private static bool IsServerBuild => NukeBuild.IsServerBuild;
}
