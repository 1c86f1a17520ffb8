using Docker.DotNet.Models;
using Slipway.Aws.Ecs.Model;

namespace Slipway.LocalCloud.Runtime;

/// <summary>
/// A task definition's <c>healthCheck</c> as Docker's: the same command forms (<c>CMD</c>, <c>CMD-SHELL</c>) and
/// ECS's defaults (interval 30 s, timeout 5 s, retries 3, no start period), so the engine itself reports
/// healthy/unhealthy. Without a health check the image's own HEALTHCHECK is switched off, as ECS ignores it.
/// </summary>
internal static class HealthCheckTranslation
{
    public const int DefaultIntervalSeconds = 30;
    public const int DefaultTimeoutSeconds = 5;
    public const int DefaultRetries = 3;

    public static HealthConfig ToDocker(HealthCheck? healthCheck, string containerName)
    {
        if (healthCheck is null)
        {
            return new HealthConfig { Test = ["NONE"] };
        }

        var command = healthCheck.Command ?? [];
        if (command.Count < 2 || command[0] is not ("CMD" or "CMD-SHELL"))
        {
            throw new TaskStartException(
                $"ClientException: container '{containerName}': healthCheck.command must start with \"CMD\" or \"CMD-SHELL\" followed by the command, e.g. [\"CMD-SHELL\", \"curl -f http://localhost/health || exit 1\"].");
        }

        return new HealthConfig
        {
            Test = [.. command],
            Interval = TimeSpan.FromSeconds(healthCheck.Interval ?? DefaultIntervalSeconds),
            Timeout = TimeSpan.FromSeconds(healthCheck.Timeout ?? DefaultTimeoutSeconds),
            Retries = healthCheck.Retries ?? DefaultRetries,

            // Docker's start period is in nanoseconds on the wire (Docker.DotNet leaves it a raw number).
            StartPeriod = TimeSpan.FromSeconds(healthCheck.StartPeriod ?? 0).Ticks * NanosecondsPerTick,
        };
    }

    private const long NanosecondsPerTick = 100;
}
