using Slipway.Aws.Ecs.Model;
using Slipway.LocalCloud.Ecs;
using Slipway.LocalCloud.Runtime;
using Slipway.LocalCloud.State;

namespace Slipway.LocalCloud.Scheduling;

/// <summary>Turns a task record into what the runtime needs: its definition with RunTask overrides applied, and its secrets.</summary>
internal static class LaunchSpecification
{
    public static TaskLaunch For(TaskRecord task, TaskDefinition registered, ISecretSource secrets, string secretsLocation)
    {
        var definition = ModelCopy.Of(registered);
        foreach (var change in task.Overrides?.ContainerOverrides ?? [])
        {
            var container = definition.ContainerDefinitions?.FirstOrDefault(c => c.Name == change.Name);
            if (container is null)
            {
                continue;
            }

            if (change.Command is { } command)
            {
                container.Command = [.. command];
            }

            foreach (var variable in change.Environment ?? [])
            {
                container.Environment ??= [];
                var existing = container.Environment.FirstOrDefault(e => e.Name == variable.Name);
                if (existing is null)
                {
                    container.Environment.Add(new Aws.Ecs.Model.KeyValuePair { Name = variable.Name, Value = variable.Value });
                }
                else
                {
                    existing.Value = variable.Value;
                }
            }
        }

        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var secret in definition.ContainerDefinitions?.SelectMany(c => c.Secrets ?? []) ?? [])
        {
            if (secret.ValueFrom is null || values.ContainsKey(secret.ValueFrom))
            {
                continue;
            }

            if (!secrets.TryGet(secret.ValueFrom, out var value))
            {
                throw new TaskStartException(
                    $"ResourceInitializationError: unable to pull secrets or registry auth: the secret {secret.ValueFrom} (for {secret.Name}) is not in {secretsLocation}; add it there as \"{secret.ValueFrom}\": \"...\"");
            }

            values[secret.ValueFrom] = value;
        }

        return new TaskLaunch(task.Id, task.Arn, definition, task.HostPort, values);
    }

    /// <summary>The service tag that gives its load balancer a port of its own: two environments on one machine run the same template.</summary>
    public const string PublishedPortTag = "slipway:published-port";

    /// <summary>The port a service's load balancer listens on: its <see cref="PublishedPortTag"/>, else the container port.</summary>
    public static int? PublishedPort(ServiceRecord service, TaskDefinition definition)
    {
        var tagged = service.Tags.FirstOrDefault(t => t.Key == PublishedPortTag)?.Value;
        return int.TryParse(tagged, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var port) && port is > 0 and < 65536
            ? port
            : PublishedPort(definition);
    }

    /// <summary>The port a service's load balancer listens on: the first port mapping of the first essential container that has one.</summary>
    public static int? PublishedPort(TaskDefinition definition)
        => definition.ContainerDefinitions?
            .Where(c => (c.Essential ?? true) && c.PortMappings is { Count: > 0 })
            .Select(c => c.PortMappings![0].ContainerPort)
            .FirstOrDefault();

    /// <summary>SIGTERM to SIGKILL: the longest <c>stopTimeout</c> of the task's containers, or the default.</summary>
    public static TimeSpan StopTimeout(TaskDefinition? definition, TimeSpan fallback)
    {
        var seconds = definition?.ContainerDefinitions?.Select(c => c.StopTimeout).Where(s => s is > 0).Max();
        return seconds is { } s ? TimeSpan.FromSeconds(s) : fallback;
    }
}
