using Slipway.LocalCloud.Runtime;
using Slipway.LocalCloud.Scheduling;

namespace Slipway.LocalCloud.Tests.Support;

/// <summary>
/// An in-memory engine for the scheduler's pure logic. What a container does is chosen by its image name:
/// <c>*:crash</c> exits with 1 right after it starts, <c>*:unhealthy</c> runs but fails its health check,
/// <c>*:nopull</c> cannot be pulled; anything else runs and passes its health check on the second look.
/// </summary>
internal sealed class FakeTaskRuntime : ITaskRuntime
{
    private readonly Lock gate = new();
    private readonly Dictionary<string, List<FakeContainer>> tasks = new(StringComparer.Ordinal);
    private readonly List<string> calls = [];
    private readonly List<TaskLaunch> launches = [];

    public IReadOnlyList<string> Calls
    {
        get
        {
            lock (gate)
            {
                return [.. calls];
            }
        }
    }

    public IReadOnlyList<TaskLaunch> Launches
    {
        get
        {
            lock (gate)
            {
                return [.. launches];
            }
        }
    }

    public IReadOnlyList<string> RunningTaskIds
    {
        get
        {
            lock (gate)
            {
                return [.. tasks.Keys];
            }
        }
    }

    public Task StartAsync(TaskLaunch launch, CancellationToken cancellationToken)
    {
        lock (gate)
        {
            calls.Add($"start {launch.TaskId}");
            launches.Add(launch);
            if (launch.Definition.ContainerDefinitions!.Any(c => c.Image!.EndsWith(":nopull", StringComparison.Ordinal)))
            {
                throw new TaskStartException("CannotPullContainerError: pull image manifest has been retried 5 time(s): manifest unknown");
            }

            tasks[launch.TaskId] = [.. launch.Definition.ContainerDefinitions!.Select(c => new FakeContainer(
                c.Name!,
                c.Image!,
                TaskRecords.HasHealthCheck(c)))];
        }

        return Task.CompletedTask;
    }

    public Task<TaskObservation> ObserveAsync(string taskId, CancellationToken cancellationToken)
    {
        lock (gate)
        {
            if (!tasks.TryGetValue(taskId, out var containers))
            {
                return Task.FromResult(new TaskObservation(taskId, []));
            }

            foreach (var container in containers)
            {
                container.Looked++;
                if (container.Image.EndsWith(":crash", StringComparison.Ordinal) && container.ExitCode is null)
                {
                    container.ExitCode = 1;
                }

                if (container.HasHealthCheck && container.ExitCode is null && container.Looked >= 2)
                {
                    container.Health = container.Image.EndsWith(":unhealthy", StringComparison.Ordinal) ? "UNHEALTHY" : "HEALTHY";
                }
            }

            return Task.FromResult(Observe(taskId, containers));
        }
    }

    public Task<TaskObservation> StopAsync(string taskId, TimeSpan stopTimeout, CancellationToken cancellationToken)
    {
        lock (gate)
        {
            calls.Add($"stop {taskId}");
            if (!tasks.Remove(taskId, out var containers))
            {
                return Task.FromResult(new TaskObservation(taskId, []));
            }

            foreach (var container in containers)
            {
                container.ExitCode ??= 143;
            }

            return Task.FromResult(Observe(taskId, containers));
        }
    }

    public Task<IReadOnlyList<string>> ListTaskIdsAsync(CancellationToken cancellationToken)
    {
        lock (gate)
        {
            return Task.FromResult<IReadOnlyList<string>>([.. tasks.Keys]);
        }
    }

    /// <summary>Adds a line to the call log (the load balancer's drains, so that their order against stops shows).</summary>
    public void Record(string call)
    {
        lock (gate)
        {
            calls.Add(call);
        }
    }

    /// <summary>The container's process ends on its own (a crash after it was healthy).</summary>
    public void Exit(string taskId, int exitCode)
    {
        lock (gate)
        {
            foreach (var container in tasks[taskId])
            {
                container.ExitCode = exitCode;
            }
        }
    }

    /// <summary>The containers disappear without the local cloud (docker rm while it was down).</summary>
    public void Remove(string taskId)
    {
        lock (gate)
        {
            tasks.Remove(taskId);
        }
    }

    private static TaskObservation Observe(string taskId, List<FakeContainer> containers) => new(
        taskId,
        [.. containers.Select(c => new ContainerObservation(
            c.Name,
            c.ExitCode is null ? "RUNNING" : "STOPPED",
            c.ExitCode,
            c.HasHealthCheck ? c.Health : "UNKNOWN",
            null,
            null,
            null,
            $"docker-{taskId}-{c.Name}"))]);

    private sealed class FakeContainer(string name, string image, bool hasHealthCheck)
    {
        public string Name { get; } = name;

        public string Image { get; } = image;

        public bool HasHealthCheck { get; } = hasHealthCheck;

        public int Looked { get; set; }

        public int? ExitCode { get; set; }

        public string Health { get; set; } = "UNKNOWN";
    }
}
