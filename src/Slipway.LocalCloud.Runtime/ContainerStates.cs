using System.Globalization;
using Docker.DotNet.Models;

namespace Slipway.LocalCloud.Runtime;

/// <summary>Docker's view of a container in ECS's words (lastStatus, exitCode, healthStatus, reason).</summary>
internal static class ContainerStates
{
    /// <summary>ECS's reason for a container the kernel killed for memory.</summary>
    public const string OutOfMemoryReason = "OutOfMemoryError: Container killed due to memory usage";

    public static ContainerObservation Observe(ContainerInspectResponse container)
    {
        var state = container.State;
        var labels = container.Config?.Labels;
        var name = labels is not null && labels.TryGetValue(RuntimeLabels.ContainerName, out var label) ? label : container.Name.TrimStart('/');
        var lastStatus = LastStatus(state?.Status);
        return new ContainerObservation(
            name,
            lastStatus,
            lastStatus == "STOPPED" && state is not null && HasRun(state) ? (int)state.ExitCode : null,
            HealthStatus(container),
            Reason(state),
            Time(state?.StartedAt),
            lastStatus == "STOPPED" ? Time(state?.FinishedAt) : null,
            container.ID);
    }

    /// <summary>created → PENDING; running (or paused) → RUNNING; exited, dead, being removed → STOPPED.</summary>
    public static string LastStatus(string? dockerStatus) => dockerStatus switch
    {
        "created" => "PENDING",
        "running" or "paused" or "restarting" => "RUNNING",
        _ => "STOPPED",
    };

    /// <summary>
    /// HEALTHY/UNHEALTHY as the engine judged; UNKNOWN without a health check and while the first checks are
    /// still pending (Docker's "starting"), as ECS reports it.
    /// </summary>
    public static string HealthStatus(ContainerInspectResponse container)
    {
        var hasCheck = container.Config?.Healthcheck?.Test is { Count: > 0 } test && test[0] != "NONE";
        return (hasCheck ? container.State?.Health?.Status : null) switch
        {
            "healthy" => "HEALTHY",
            "unhealthy" => "UNHEALTHY",
            _ => "UNKNOWN",
        };
    }

    private static string? Reason(ContainerState? state) => state switch
    {
        null => null,
        { OOMKilled: true } => OutOfMemoryReason,
        { Error.Length: > 0 } => state.Error,
        _ => null,
    };

    /// <summary>A container that was created but never started has no exit code, as in ECS.</summary>
    private static bool HasRun(ContainerState state) => Time(state.StartedAt) is not null || state.ExitCode != 0;

    /// <summary>Docker writes "0001-01-01T00:00:00Z" for a time that has not happened.</summary>
    private static DateTimeOffset? Time(string? value) =>
        DateTimeOffset.TryParse(value, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var time) && time.Year > 1
            ? time
            : null;
}
