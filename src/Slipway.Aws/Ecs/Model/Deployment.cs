namespace Slipway.Aws.Ecs.Model;

/// <summary>The details of an Amazon ECS service deployment.</summary>
public sealed class Deployment
{
    public string? Id { get; set; }

    public string? Status { get; set; }

    public string? TaskDefinition { get; set; }

    public int? DesiredCount { get; set; }

    public int? PendingCount { get; set; }

    public int? RunningCount { get; set; }

    public int? FailedTasks { get; set; }

    public DateTime? CreatedAt { get; set; }

    public DateTime? UpdatedAt { get; set; }

    public string? LaunchType { get; set; }

    public string? PlatformVersion { get; set; }

    public NetworkConfiguration? NetworkConfiguration { get; set; }

    public string? RolloutState { get; set; }

    public string? RolloutStateReason { get; set; }
}
