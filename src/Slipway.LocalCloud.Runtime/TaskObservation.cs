namespace Slipway.LocalCloud.Runtime;

/// <summary>What the engine says about a task's containers at one moment.</summary>
public sealed record TaskObservation(string TaskId, IReadOnlyList<ContainerObservation> Containers);

/// <summary>One container of a task, in ECS's words.</summary>
/// <param name="Name">The container definition's name.</param>
/// <param name="LastStatus"><c>PENDING</c>, <c>RUNNING</c> or <c>STOPPED</c>.</param>
/// <param name="ExitCode">Set once the container has exited.</param>
/// <param name="HealthStatus"><c>HEALTHY</c>, <c>UNHEALTHY</c> or <c>UNKNOWN</c> (no health check in the definition).</param>
/// <param name="Reason">Why it stopped, when the engine says (for example <c>OOMKilled</c>).</param>
/// <param name="RuntimeId">The Docker container id.</param>
public sealed record ContainerObservation(
    string Name,
    string LastStatus,
    int? ExitCode,
    string HealthStatus,
    string? Reason,
    DateTimeOffset? StartedAt,
    DateTimeOffset? StoppedAt,
    string? RuntimeId);
