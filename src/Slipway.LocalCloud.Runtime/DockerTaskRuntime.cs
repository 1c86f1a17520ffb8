using System.Net;
using Docker.DotNet;
using Docker.DotNet.Models;
using ContainerDefinition = Slipway.Aws.Ecs.Model.ContainerDefinition;
using TaskDefinition = Slipway.Aws.Ecs.Model.TaskDefinition;
using Slipway.Docker;
using Slipway.Output;

namespace Slipway.LocalCloud.Runtime;

/// <summary>
/// Runs ECS tasks as Docker containers with host networking. Every container carries labels with its task and
/// this runtime's <paramref name="scope"/>: the engine is the only state, so a restarted local cloud finds
/// its tasks again and never touches containers of another scope.
/// </summary>
/// <param name="scope">Names this local cloud among others on the same engine (for example a hash of its state directory).</param>
public sealed class DockerTaskRuntime(DockerEngine engine, string scope, ILog log, TimeProvider timeProvider) : ITaskRuntime
{
    /// <summary>How long a container waits for a dependency's condition when its definition sets no startTimeout.</summary>
    public static readonly TimeSpan DefaultDependencyTimeout = TimeSpan.FromMinutes(3);

    private static readonly TimeSpan DependencyPoll = TimeSpan.FromMilliseconds(250);

    private readonly IDockerClient docker = engine.Client;

    /// <summary>
    /// The scope of the local cloud whose state lives in <paramref name="stateDirectory"/>: stable across restarts,
    /// different for two clones on one machine, and what <c>EnvironmentDown</c> uses to find the tasks to stop.
    /// </summary>
    public static string ScopeFor(string stateDirectory)
    {
        ArgumentException.ThrowIfNullOrEmpty(stateDirectory);
        var hash = System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(Path.GetFullPath(stateDirectory)));
        return $"slipway-{Convert.ToHexStringLower(hash)[..12]}";
    }

    public string Scope { get; } = string.IsNullOrWhiteSpace(scope) ? throw new ArgumentException("a runtime needs a scope", nameof(scope)) : scope;

    public async Task StartAsync(TaskLaunch launch, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(launch);
        var containers = Validate(launch.Definition);
        var order = DependencyOrder.Of(containers);

        // Every image first: a task whose image cannot be pulled starts nothing, as in ECS.
        var puller = new ImagePuller(docker, log);
        foreach (var image in containers.Select(c => c.Image!).Distinct(StringComparer.Ordinal))
        {
            await puller.EnsurePresentAsync(image, cancellationToken);
        }

        var created = new Dictionary<string, string>(StringComparer.Ordinal);
        try
        {
            foreach (var container in order)
            {
                var parameters = ContainerCreation.For(launch, container, containers.IndexOf(container), Scope);
                created[container.Name!] = await CreateAsync(parameters, cancellationToken);
            }

            foreach (var container in order)
            {
                await WaitForDependenciesAsync(container, created, cancellationToken);
                await StartContainerAsync(container.Name!, created[container.Name!], cancellationToken);
            }
        }
        catch (Exception exception) when (exception is TaskStartException or DockerApiException or OperationCanceledException)
        {
            // A task that failed to start leaves nothing behind to be found again after a restart.
            await RemoveAllAsync(created.Values, CancellationToken.None);
            if (exception is DockerApiException engineError)
            {
                throw new TaskStartException($"CannotCreateContainerError: Error response from daemon: {ImagePuller.EngineMessage(engineError)}", engineError);
            }

            throw;
        }

        log.Debug($"task {launch.TaskId}: started {string.Join(", ", order.Select(c => c.Name))} on host port {launch.HostPort}");
    }

    public async Task<TaskObservation> ObserveAsync(string taskId, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(taskId);
        var containers = await InspectTaskAsync(taskId, cancellationToken);
        return new TaskObservation(taskId, [.. containers.Select(ContainerStates.Observe)]);
    }

    public async Task<TaskObservation> StopAsync(string taskId, TimeSpan stopTimeout, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(taskId);
        var listed = await ListAsync(taskId, cancellationToken);

        // All at once, as ECS signals every container of a stopping task; each waits its own stopTimeout.
        await Task.WhenAll(listed.Select(container => StopContainerAsync(container, stopTimeout, cancellationToken)));
        var final = await InspectTaskAsync(taskId, cancellationToken);
        await RemoveAllAsync(final.Select(c => c.ID), cancellationToken);
        return new TaskObservation(taskId, [.. final.Select(ContainerStates.Observe)]);
    }

    public async Task<IReadOnlyList<string>> ListTaskIdsAsync(CancellationToken cancellationToken)
    {
        var containers = await ListAsync(taskId: null, cancellationToken);
        return [.. containers
            .Select(c => c.Labels.TryGetValue(RuntimeLabels.TaskId, out var id) ? id : null)
            .OfType<string>()
            .Distinct(StringComparer.Ordinal)
            .Order(StringComparer.Ordinal)];
    }

    private static List<ContainerDefinition> Validate(TaskDefinition definition)
    {
        if (definition.ContainerDefinitions is not { Count: > 0 } containers)
        {
            throw new TaskStartException("ClientException: the task definition has no containerDefinitions.");
        }

        foreach (var container in containers)
        {
            if (string.IsNullOrWhiteSpace(container.Name) || string.IsNullOrWhiteSpace(container.Image))
            {
                throw new TaskStartException("ClientException: every container definition needs a name and an image.");
            }
        }

        var duplicate = containers.GroupBy(c => c.Name, StringComparer.Ordinal).FirstOrDefault(g => g.Count() > 1);
        if (duplicate is not null)
        {
            throw new TaskStartException($"ClientException: the task definition has two containers named '{duplicate.Key}'.");
        }

        return [.. containers];
    }

    private async Task<string> CreateAsync(CreateContainerParameters parameters, CancellationToken cancellationToken)
    {
        var response = await docker.Containers.CreateContainerAsync(parameters, cancellationToken);
        return response.ID;
    }

    private async Task StartContainerAsync(string name, string id, CancellationToken cancellationToken)
    {
        try
        {
            await docker.Containers.StartContainerAsync(id, new ContainerStartParameters(), cancellationToken);
        }
        catch (DockerApiException exception)
        {
            throw new TaskStartException($"CannotStartContainerError: container '{name}': Error response from daemon: {ImagePuller.EngineMessage(exception)}", exception);
        }
    }

    /// <summary>
    /// START is met by the order itself; COMPLETE, SUCCESS and HEALTHY are waited for (up to the container's
    /// startTimeout), and a dependency that can no longer meet its condition fails the task.
    /// </summary>
    private async Task WaitForDependenciesAsync(ContainerDefinition container, Dictionary<string, string> created, CancellationToken cancellationToken)
    {
        var timeout = container.StartTimeout is { } seconds ? TimeSpan.FromSeconds(seconds) : DefaultDependencyTimeout;
        foreach (var dependency in container.DependsOn ?? [])
        {
            var condition = dependency.Condition ?? "START";
            if (condition == "START")
            {
                continue;
            }

            var deadline = timeProvider.GetUtcNow() + timeout;
            while (true)
            {
                var observed = ContainerStates.Observe(await docker.Containers.InspectContainerAsync(created[dependency.ContainerName!], cancellationToken));
                var verdict = DependencyConditions.Evaluate(condition, observed);
                if (verdict is true)
                {
                    break;
                }

                if (verdict is false || timeProvider.GetUtcNow() >= deadline)
                {
                    throw new TaskStartException(
                        $"CannotStartContainerError: container '{container.Name}' dependsOn '{dependency.ContainerName}' being {condition}, but it is {DependencyConditions.Describe(observed)}.");
                }

                await Task.Delay(DependencyPoll, timeProvider, cancellationToken);
            }
        }
    }

    private async Task StopContainerAsync(ContainerListResponse container, TimeSpan stopTimeout, CancellationToken cancellationToken)
    {
        var timeout = RuntimeLabels.StopTimeoutOf(container.Labels) ?? stopTimeout;
        try
        {
            // The engine sends SIGTERM (or the image's stop signal), then SIGKILL when the timeout has passed.
            await docker.Containers.StopContainerAsync(
                container.ID,
                new ContainerStopParameters { WaitBeforeKillSeconds = (uint)Math.Ceiling(Math.Max(0, timeout.TotalSeconds)) },
                cancellationToken);
        }
        catch (DockerApiException exception) when (exception.StatusCode == HttpStatusCode.NotFound)
        {
            // Removed meanwhile: nothing left to stop.
        }
    }

    private async Task<List<ContainerInspectResponse>> InspectTaskAsync(string taskId, CancellationToken cancellationToken)
    {
        var inspected = new List<ContainerInspectResponse>();
        foreach (var container in await ListAsync(taskId, cancellationToken))
        {
            try
            {
                inspected.Add(await docker.Containers.InspectContainerAsync(container.ID, cancellationToken));
            }
            catch (DockerApiException exception) when (exception.StatusCode == HttpStatusCode.NotFound)
            {
                // Removed between the listing and the inspection.
            }
        }

        return [.. inspected.OrderBy(c => RuntimeLabels.IndexOf(c.Config?.Labels))];
    }

    private async Task<IList<ContainerListResponse>> ListAsync(string? taskId, CancellationToken cancellationToken) =>
        await docker.Containers.ListContainersAsync(new ContainersListParameters { All = true, Filters = RuntimeLabels.Filter(Scope, taskId) }, cancellationToken);

    private async Task RemoveAllAsync(IEnumerable<string> ids, CancellationToken cancellationToken)
    {
        foreach (var id in ids)
        {
            try
            {
                await docker.Containers.RemoveContainerAsync(id, new ContainerRemoveParameters { Force = true }, cancellationToken);
            }
            catch (DockerApiException exception) when (exception.StatusCode is HttpStatusCode.NotFound or HttpStatusCode.Conflict)
            {
                // Already gone, or already being removed.
            }
        }
    }
}
