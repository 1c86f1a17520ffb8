namespace Slipway.Aws.Deployment.Services;

/// <summary>What the deploy did to the service.</summary>
public enum ServiceAction
{
    /// <summary>The service already ran this task definition, steady: nothing was called.</summary>
    Unchanged,
    Created,
    Updated,

    /// <summary>The service was already rolling out this task definition (an earlier run's update): the deploy waits for that rollout.</summary>
    Joined,
}

/// <summary>
/// The deployment the deploy started (or found): its id from the CreateService/UpdateService response, so that the
/// watcher waits for <em>this</em> deployment and nobody else's.
/// </summary>
public sealed record ServiceDeployment
{
    public required string Cluster { get; init; }

    public required string Service { get; init; }

    public required string TaskDefinitionArn { get; init; }

    public required ServiceAction Action { get; init; }

    /// <summary>Our deployment's id (<c>ecs-svc/…</c>); null when the response named none running our task definition.</summary>
    public string? DeploymentId { get; init; }

    /// <summary>What the service ran before: where a fail-fast rollback returns to (null for a new service).</summary>
    public string? PreviousTaskDefinitionArn { get; init; }

    /// <summary>When the deployment was asked for; events and tasks older than this are not ours.</summary>
    public DateTimeOffset RequestedAt { get; init; }

    /// <summary>Events the service already had before our call: they are not streamed again.</summary>
    public IReadOnlySet<string> EarlierEventIds { get; init; } = new HashSet<string>();

    /// <summary>A warning to show (e.g. forced past another deployment).</summary>
    public string? Warning { get; init; }
}
