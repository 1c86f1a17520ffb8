using EcsTask = Slipway.Aws.Ecs.Model.Task;

namespace Slipway.Aws.Deployment.Watching;

/// <summary>Why a task stopped, as ECS says it: stop code, the essential container's exit code and reason, the task's reason.</summary>
public sealed record StoppedTaskReason(string? StopCode, string? Container, int? ExitCode, string? ContainerReason, string? StoppedReason)
{
    public static StoppedTaskReason Of(EcsTask task)
    {
        ArgumentNullException.ThrowIfNull(task);
        // The container that explains the stop: one that exited non-zero or has a reason, else the first.
        var container = task.Containers?.FirstOrDefault(c => c.ExitCode is not null and not 0 || !string.IsNullOrEmpty(c.Reason))
            ?? task.Containers?.FirstOrDefault();
        return new StoppedTaskReason(task.StopCode, container?.Name, container?.ExitCode, container?.Reason, task.StoppedReason);
    }

    public override string ToString()
    {
        var parts = new List<string> { $"stop code {StopCode ?? "none"}" };
        if (Container is not null)
        {
            parts.Add($"container '{Container}' exit code {(ExitCode?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "none")}" + (ContainerReason is { Length: > 0 } r ? $" ({r})" : ""));
        }

        if (StoppedReason is { Length: > 0 } reason)
        {
            parts.Add($"reason \"{reason}\"");
        }

        return string.Join(", ", parts);
    }
}
