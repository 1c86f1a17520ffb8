using Slipway.Aws.Deployment;
using Slipway.Aws.Deployment.Environments;
using Slipway.Aws.Deployment.Services;
using Slipway.Aws.Deployment.TaskDefinitions;
using Slipway.Aws.Ecs;
using Slipway.Aws.Ecs.Model;
using Slipway.Output;

namespace Slipway.Aws.Promotion;

/// <summary>What an environment's service runs now and the recent revisions of its family, read from ECS alone.</summary>
public sealed record EnvironmentState(DeployEnvironment Environment, Service? Service, Release? Current, IReadOnlyList<Release> History)
{
    /// <summary>The service is settled on a completed deployment: one deployment, PRIMARY, COMPLETED.</summary>
    public bool IsSteady => Service is not null && ServiceDeployments.IsSteady(Service);

    /// <summary>The revisions whose deployment succeeded (and that no rollback left since), the most recent success first.</summary>
    public IEnumerable<Release> Successful => History.Where(r => r.Succeeded).OrderByDescending(r => r.DeployedAt);

    /// <summary>The deployments of the service in one line each, for a refusal's message.</summary>
    public string DescribeDeployments() => Service?.Deployments is { Count: > 0 } deployments
        ? string.Join("; ", deployments.Select(ServiceDeployments.Describe))
        : "no deployment";
}

/// <summary>
/// Reads an environment's records: the service (DescribeServices), the revision it runs and the latest revisions of
/// its family (ListTaskDefinitions, newest first, and DescribeTaskDefinition with their tags). No other store.
/// </summary>
public sealed class ReleaseHistory(IAmazonECS ecs, TimeProvider time)
{
    /// <summary>Reading makes no change: changes in dry-run mode make no write by construction.</summary>
    private readonly RemoteChanges readOnly = new(dryRun: true, NullLog.Instance);

    private TaskDefinitionRegistrar TaskDefinitions => new(ecs, readOnly);

    /// <summary>How many revisions of the family are read: enough for a rollback and a screen of history.</summary>
    public int Depth { get; init; } = 20;

    public async Task<EnvironmentState> ReadAsync(DeployEnvironment environment, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(environment);
        var service = await new ServiceDeployer(ecs, readOnly, new DeploymentLock(TaskDefinitions, time), time)
            .DescribeAsync(environment.Cluster, environment.Service, cancellationToken);
        if (service?.TaskDefinition is not { } running)
        {
            return new EnvironmentState(environment, service, null, []);
        }

        var current = await ReadReleaseAsync(running, cancellationToken);
        var family = current is null ? FamilyOf(running) : FamilyOf(current.TaskDefinitionArn);
        var listed = await ecs.ListTaskDefinitionsAsync(new ListTaskDefinitionsRequest
        {
            FamilyPrefix = family,
            Status = TaskDefinitionStatus.Active,
            Sort = SortOrder.Desc,
            MaxResults = Depth,
        }, cancellationToken);
        var history = new List<Release>();
        foreach (var arn in listed.TaskDefinitionArns ?? [])
        {
            if (current is not null && ServiceDeployments.SameTaskDefinition(arn, current.TaskDefinitionArn))
            {
                history.Add(current);
            }
            else if (await ReadReleaseAsync(arn, cancellationToken) is { } release)
            {
                history.Add(release);
            }
        }

        if (current is not null && !history.Contains(current))
        {
            history.Insert(0, current);
        }

        return new EnvironmentState(environment, service, current, history);
    }

    private async Task<Release?> ReadReleaseAsync(string taskDefinition, CancellationToken cancellationToken) =>
        await TaskDefinitions.DescribeAsync(taskDefinition, cancellationToken) is { TaskDefinition: { } definition } described
            ? Release.From(definition, described.Tags)
            : null;

    /// <summary><c>family</c> of <c>arn:…:task-definition/family:revision</c> or <c>family:revision</c>.</summary>
    public static string FamilyOf(string taskDefinition)
    {
        var name = ServiceDeployments.FamilyRevision(taskDefinition);
        var colon = name.LastIndexOf(':');
        return colon > 0 ? name[..colon] : name;
    }
}
