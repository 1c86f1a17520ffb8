using System.Globalization;
using System.Text.RegularExpressions;
using Docker.DotNet.Models;
using Slipway.Aws.Ecs.Model;

namespace Slipway.LocalCloud.Runtime;

/// <summary>
/// One container definition of a task as Docker's create-container request: host network, the definition's
/// process settings, the task's port and the resolved secrets in the environment, and the labels that let the
/// runtime find it again.
/// </summary>
internal static partial class ContainerCreation
{
    /// <summary>The variables through which a container learns the host port its task was given.</summary>
    public static readonly IReadOnlyList<string> PortVariables = ["PORT", "ASPNETCORE_HTTP_PORTS"];

    private const long Mebibyte = 1024 * 1024;

    public static CreateContainerParameters For(TaskLaunch launch, ContainerDefinition container, int index, string scope)
    {
        var name = container.Name!;
        var labels = new Dictionary<string, string>(container.DockerLabels ?? new Dictionary<string, string>(), StringComparer.Ordinal)
        {
            [RuntimeLabels.Scope] = scope,
            [RuntimeLabels.TaskId] = launch.TaskId,
            [RuntimeLabels.TaskArn] = launch.TaskArn,
            [RuntimeLabels.ContainerName] = name,
            [RuntimeLabels.Index] = index.ToString(CultureInfo.InvariantCulture),
        };
        if (launch.Definition.Family is { } family)
        {
            labels[RuntimeLabels.TaskDefinitionFamily] = family;
        }

        if (launch.Definition.Revision is { } revision)
        {
            labels[RuntimeLabels.TaskDefinitionRevision] = revision.ToString(CultureInfo.InvariantCulture);
        }

        if (container.StopTimeout is { } stopTimeout)
        {
            labels[RuntimeLabels.StopTimeout] = stopTimeout.ToString(CultureInfo.InvariantCulture);
        }

        return new CreateContainerParameters
        {
            Name = ContainerName(scope, launch.TaskId, name),
            Image = container.Image,
            Env = Environment(launch, container),
            Entrypoint = container.EntryPoint is { Count: > 0 } entryPoint ? [.. entryPoint] : null,
            Cmd = container.Command is { Count: > 0 } command ? [.. command] : null,
            WorkingDir = container.WorkingDirectory,
            User = container.User,
            Hostname = container.Hostname,
            Labels = labels,
            Healthcheck = HealthCheckTranslation.ToDocker(container.HealthCheck, name),
            StopTimeout = container.StopTimeout is { } seconds ? TimeSpan.FromSeconds(seconds) : null,
            HostConfig = new HostConfig
            {
                // Never a bridge: the engine runs without one, and tasks reach each other and the load balancer on 127.0.0.1.
                NetworkMode = "host",
                ReadonlyRootfs = container.ReadonlyRootFilesystem ?? false,
                Memory = (container.Memory ?? 0) * Mebibyte,
                MemoryReservation = (container.MemoryReservation ?? 0) * Mebibyte,
                CPUShares = container.Cpu ?? 0,
            },
        };
    }

    /// <summary>Docker's name for the container: readable in <c>docker ps</c>, unique per task and container.</summary>
    public static string ContainerName(string scope, string taskId, string containerName) =>
        $"{Sanitize(scope)}-{taskId}-{Sanitize(containerName)}";

    /// <summary>
    /// The definition's variables, then its secrets (resolved here, never logged), then the task's port for a
    /// container that maps one. The port wins over a variable of the same name: the container must listen where
    /// the load balancer forwards.
    /// </summary>
    private static List<string> Environment(TaskLaunch launch, ContainerDefinition container)
    {
        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var variable in container.Environment ?? [])
        {
            if (!string.IsNullOrEmpty(variable.Name))
            {
                values[variable.Name] = variable.Value ?? "";
            }
        }

        foreach (var secret in container.Secrets ?? [])
        {
            if (string.IsNullOrEmpty(secret.Name) || string.IsNullOrEmpty(secret.ValueFrom))
            {
                throw new TaskStartException($"ClientException: container '{container.Name}': every secret needs a name and a valueFrom.");
            }

            if (!launch.SecretValues.TryGetValue(secret.ValueFrom, out var value))
            {
                throw new TaskStartException(
                    $"ResourceInitializationError: unable to pull secrets or registry auth: secret '{secret.ValueFrom}' of container '{container.Name}' (variable {secret.Name}) has no value in the local environment.");
            }

            values[secret.Name] = value;
        }

        if (container.PortMappings is { Count: > 0 })
        {
            var port = launch.HostPort.ToString(CultureInfo.InvariantCulture);
            foreach (var variable in PortVariables)
            {
                values[variable] = port;
            }
        }

        return [.. values.Select(pair => $"{pair.Key}={pair.Value}")];
    }

    private static string Sanitize(string value) => NotAllowedInNames().Replace(value, "_");

    [GeneratedRegex("[^a-zA-Z0-9_.-]")]
    private static partial Regex NotAllowedInNames();
}
