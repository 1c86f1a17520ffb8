using System.Globalization;

namespace Slipway.LocalCloud.Runtime;

/// <summary>
/// The labels put on every container of a task: they are the runtime's only memory, so that a restarted local
/// cloud finds its tasks (and each container's name, order and stop timeout) on the engine again.
/// </summary>
internal static class RuntimeLabels
{
    public const string Scope = "slipway.localcloud.scope";
    public const string TaskId = "slipway.localcloud.task-id";
    public const string TaskArn = "com.amazonaws.ecs.task-arn";
    public const string ContainerName = "com.amazonaws.ecs.container-name";
    public const string TaskDefinitionFamily = "com.amazonaws.ecs.task-definition-family";
    public const string TaskDefinitionRevision = "com.amazonaws.ecs.task-definition-version";
    public const string Index = "slipway.localcloud.container-index";
    public const string StopTimeout = "slipway.localcloud.stop-timeout";

    public static int IndexOf(IDictionary<string, string>? labels) =>
        labels is not null && labels.TryGetValue(Index, out var value) && int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var index)
            ? index
            : int.MaxValue;

    /// <summary>The container's own stop timeout (seconds) when its definition set one.</summary>
    public static TimeSpan? StopTimeoutOf(IDictionary<string, string>? labels) =>
        labels is not null && labels.TryGetValue(StopTimeout, out var value) && int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var seconds)
            ? TimeSpan.FromSeconds(seconds)
            : null;

    /// <summary>Engine filter: the containers of this scope, optionally of one task.</summary>
    public static IDictionary<string, IDictionary<string, bool>> Filter(string scope, string? taskId = null)
    {
        var labels = new Dictionary<string, bool>(StringComparer.Ordinal) { [$"{Scope}={scope}"] = true };
        if (taskId is not null)
        {
            labels[$"{TaskId}={taskId}"] = true;
        }

        return new Dictionary<string, IDictionary<string, bool>>(StringComparer.Ordinal) { ["label"] = labels };
    }
}
