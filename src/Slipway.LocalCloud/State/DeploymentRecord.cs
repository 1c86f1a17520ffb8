using Slipway.Aws.Ecs.Model;

namespace Slipway.LocalCloud.State;

/// <summary>A deployment as ECS shows it, plus what the scheduler needs to roll it out and judge it.</summary>
internal sealed class DeploymentRecord
{
    public string Id { get; set; } = "";

    /// <summary><c>PRIMARY</c> or <c>ACTIVE</c>; a deployment that becomes INACTIVE leaves the list.</summary>
    public string Status { get; set; } = "PRIMARY";

    public string TaskDefinitionArn { get; set; } = "";

    public int DesiredCount { get; set; }

    public int FailedTasks { get; set; }

    public DateTime CreatedAt { get; set; }

    public DateTime UpdatedAt { get; set; }

    public string? LaunchType { get; set; }

    public string? PlatformVersion { get; set; }

    public NetworkConfiguration? NetworkConfiguration { get; set; }

    public string RolloutState { get; set; } = "IN_PROGRESS";

    public string RolloutStateReason { get; set; } = "";

    /// <summary>Reached COMPLETED once: only such a deployment can be rolled back to.</summary>
    public bool EverCompleted { get; set; }

    /// <summary>Had a task that settled (the circuit breaker's second stage).</summary>
    public bool HadSettledTask { get; set; }

    /// <summary>Tasks in a row that failed; drives the launch backoff.</summary>
    public int ConsecutiveFailures { get; set; }

    /// <summary>No launch before this time (backoff after failures).</summary>
    public DateTime? NextLaunchAt { get; set; }
}
