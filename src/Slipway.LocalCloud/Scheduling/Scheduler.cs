using System.Net;
using System.Net.Sockets;
using Microsoft.Extensions.Logging;
using Slipway.LocalCloud.Ecs;
using Slipway.LocalCloud.Hosting;
using Slipway.LocalCloud.Runtime;
using Slipway.LocalCloud.State;

namespace Slipway.LocalCloud.Scheduling;

/// <summary>
/// The control loop: each tick observes the running tasks, reconciles every service (rolling update, circuit
/// breaker, events), then launches and stops tasks and updates the load balancer. Decisions are made under the
/// state lock without I/O; launches and stops run in the background, one chain per task, so a slow image pull
/// or a 30 s stop timeout never holds up the other services.
/// </summary>
internal sealed class Scheduler(
    StateStore store,
    CloudIdentity identity,
    ITaskRuntime runtime,
    ILoadBalancer loadBalancer,
    ISecretSource secrets,
    string secretsLocation,
    TimeProvider time,
    SchedulerOptions options,
    Wakeup wakeup,
    ILogger<Scheduler> logger,
    ITargetProbe? targetProbe = null) : IDisposable
{
    private readonly ITargetProbe probe = targetProbe ?? new TcpTargetProbe();
    private readonly CancellationTokenSource lifetime = new();
    private readonly Lock workGate = new();
    private readonly Dictionary<string, Task> work = new(StringComparer.Ordinal);
    private readonly Dictionary<string, int> listeners = new(StringComparer.Ordinal);
    private readonly ServiceReconciler reconciler = new(identity);

    /// <summary>After a restart: tasks whose containers vanished are STOPPED, interrupted launches are replaced.</summary>
    public async Task RecoverAsync(CancellationToken cancellationToken)
    {
        var existing = (await runtime.ListTaskIdsAsync(cancellationToken)).ToHashSet(StringComparer.Ordinal);
        store.Mutate(state =>
        {
            var now = Now();
            foreach (var task in state.Tasks.Values.Where(t => t.Launched && !t.IsStopped))
            {
                if (!existing.Contains(task.Id))
                {
                    if (task.DesiredStatus == TaskStatuses.Running)
                    {
                        task.StoppedReason = task.LastStatus is TaskStatuses.Pending or TaskStatuses.Provisioning
                            ? "ResourceInitializationError: the local cloud stopped while it was starting the task"
                            : "Task stopped: its containers were removed while the local cloud was not running";
                    }

                    MarkStopped(task, now);
                }
                else if (task.IsLive && task.LastStatus is TaskStatuses.Pending or TaskStatuses.Provisioning)
                {
                    // StartAsync may have been cut short: replace the task rather than trust half its containers.
                    TaskRecords.RequestStop(task, "ServiceSchedulerInitiated", "Task stopped: the local cloud restarted while starting it", now);
                }
            }
        });
        logger.Recovered(existing.Count);
    }

    /// <summary>Runs until cancelled: a tick every <see cref="SchedulerOptions.TickInterval"/>, or at once when woken.</summary>
    public async Task RunAsync(CancellationToken cancellationToken)
    {
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, lifetime.Token);
        var ct = linked.Token;
        while (!ct.IsCancellationRequested)
        {
            var woken = wakeup.NextAsync();
            try
            {
                await RunOnceAsync(ct);
            }
            catch (OperationCanceledException) when (ct.IsCancellationRequested)
            {
                break;
            }
#pragma warning disable CA1031 // One failed tick must not end the loop; the next one retries.
            catch (Exception e)
#pragma warning restore CA1031
            {
                logger.TickFailed(e);
            }

            try
            {
                await Task.WhenAny(Task.Delay(options.TickInterval, time, ct), woken).WaitAsync(ct);
            }
            catch (OperationCanceledException)
            {
                break;
            }
        }
    }

    public async Task RunOnceAsync(CancellationToken cancellationToken)
    {
        var toObserve = store.Read(state => state.Tasks.Values
            .Where(t => t.Launched && t.IsLive && t.LastStatus != TaskStatuses.Pending && !IsBusy(t.Id))
            .Select(t => t.Id)
            .ToList());
        var observations = new Dictionary<string, TaskObservation>(StringComparer.Ordinal);
        foreach (var id in toObserve)
        {
            try
            {
                observations[id] = await runtime.ObserveAsync(id, cancellationToken);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                logger.ObserveFailed(id, e.Message);
            }
        }

        // Tasks without a container health check are routed once their port answers (a target group's check).
        var toProbe = store.Read(state => state.Tasks.Values
            .Where(t => t.IsRunning && t.Publishes && t.ListeningSince is null && !TaskObservations.HasHealthCheck(t))
            .Select(t => (t.Id, t.HostPort))
            .ToList());
        var listening = new HashSet<string>(StringComparer.Ordinal);
        foreach (var (id, hostPort) in toProbe)
        {
            if (await probe.IsListeningAsync(hostPort, cancellationToken))
            {
                listening.Add(id);
            }
        }

        var plan = store.Mutate(state =>
        {
            var now = Now();
            foreach (var id in listening)
            {
                if (state.Tasks.TryGetValue(id, out var task) && task.ListeningSince is null)
                {
                    task.ListeningSince = now;
                }
            }

            return Decide(state, observations, now);
        });

        foreach (var (service, port) in plan.Listeners)
        {
            if (listeners.TryGetValue(service, out var current) && current == port)
            {
                continue;
            }

            try
            {
                if (listeners.ContainsKey(service))
                {
                    await loadBalancer.RemoveListenerAsync(service, cancellationToken);
                }

                await loadBalancer.EnsureListenerAsync(service, port, cancellationToken);
                listeners[service] = port;
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                logger.ListenerFailed(service, port, e.Message);
                store.Mutate(state =>
                {
                    if (state.Services.TryGetValue(service, out var record))
                    {
                        ServiceEvents.Add(record, EventMessages.UnableToPlace(record.Name, $"the load balancer cannot listen on 127.0.0.1:{port}: {e.Message}"), Now());
                    }
                });
            }
        }

        foreach (var gone in listeners.Keys.Where(s => !plan.Listeners.ContainsKey(s)).ToList())
        {
            try
            {
                await loadBalancer.RemoveListenerAsync(gone, cancellationToken);
                listeners.Remove(gone);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                logger.ListenerFailed(gone, listeners[gone], e.Message);
            }
        }

        foreach (var (service, targets) in plan.Targets)
        {
            loadBalancer.SetTargets(service, targets);
        }

        foreach (var id in plan.Launches)
        {
            Enqueue(id, ct => LaunchAsync(id, ct));
        }

        foreach (var stop in plan.Stops)
        {
            Enqueue(stop.TaskId, ct => StopAsync(stop, ct));
        }
    }

    /// <summary>Completes when every launch and stop started so far has finished (tests use it to step deterministically).</summary>
    public async Task WhenIdleAsync()
    {
        while (true)
        {
            Task[] pending;
            lock (workGate)
            {
                pending = [.. work.Values];
            }

            if (pending.Length == 0)
            {
                return;
            }

            await Task.WhenAll(pending).ConfigureAwait(false);
        }
    }

    /// <summary>Cancels launches and stops in flight (the containers keep running; a restart finds them again).</summary>
    public async Task ShutdownAsync(TimeSpan grace)
    {
        await lifetime.CancelAsync();
        await Task.WhenAny(WhenIdleAsync(), Task.Delay(grace, time));
    }

    public void Dispose() => lifetime.Dispose();

    private DateTime Now() => time.GetUtcNow().UtcDateTime;

    private bool IsBusy(string taskId)
    {
        lock (workGate)
        {
            return work.ContainsKey(taskId);
        }
    }

    private SchedulerPlan Decide(CloudState state, Dictionary<string, TaskObservation> observations, DateTime now)
    {
        var plan = new SchedulerPlan();
        foreach (var (id, observation) in observations)
        {
            if (state.Tasks.TryGetValue(id, out var task))
            {
                Observe(state, task, observation, now);
            }
        }

        foreach (var service in state.Services.Values)
        {
            reconciler.Reconcile(state, service, now);
        }

        foreach (var task in state.Tasks.Values.Where(t => !t.Launched && t.IsLive && !IsBusy(t.Id)).ToList())
        {
            task.HostPort = FreeHostPort(state);
            task.LastStatus = TaskStatuses.Pending;
            task.PullStartedAt = now;
            task.Launched = true;
            task.Touch();
            plan.Launches.Add(task.Id);
        }

        foreach (var task in state.Tasks.Values.Where(t => t.DesiredStatus == TaskStatuses.Stopped && !t.IsStopped && !IsBusy(t.Id)).ToList())
        {
            if (!task.Launched)
            {
                MarkStopped(task, now);
                continue;
            }

            var definition = TaskDefinitionOperations.Find(state, task.TaskDefinitionArn, activeOnly: false)?.Definition;
            var drain = task.Routed && task.ServiceArn is not null && task.LastStatus is TaskStatuses.Running or TaskStatuses.Deactivating;
            task.LastStatus = drain ? TaskStatuses.Deactivating : TaskStatuses.Stopping;
            task.Touch();
            plan.Stops.Add(new PlannedStop(task.Id, task.ServiceArn, drain, LaunchSpecification.StopTimeout(definition, options.DefaultStopTimeout)));
        }

        foreach (var service in state.Services.Values.Where(s => s.Status == "ACTIVE"))
        {
            Route(state, service, plan, now);
        }

        var expired = state.Tasks.Values.Where(t => t.IsStopped && t.StoppedAt < now - options.StoppedTaskRetention).Select(t => t.Id).ToList();
        foreach (var id in expired)
        {
            state.Tasks.Remove(id);
        }

        return plan;
    }

    private void Observe(CloudState state, TaskRecord task, TaskObservation observation, DateTime now)
    {
        var service = task.ServiceArn is null ? null : state.Services.GetValueOrDefault(task.ServiceArn);
        var wasSettled = task.HealthySince is not null;
        var grace = TimeSpan.FromSeconds(service?.HealthCheckGracePeriodSeconds ?? 0);
        var outcome = TaskObservations.Apply(task, observation, now, options.SettleTime, grace);
        var deployment = service?.Deployments.FirstOrDefault(d => d.Id == task.DeploymentId);
        if (!wasSettled && task.HealthySince is not null && deployment is not null)
        {
            deployment.HadSettledTask = true;
            deployment.ConsecutiveFailures = 0;
            deployment.NextLaunchAt = null;
            deployment.FailedTasks = 0;
        }

        if (outcome == TaskObservations.Outcome.Unhealthy && service is not null)
        {
            ServiceEvents.Add(service, EventMessages.FailedHealthChecks(service.Name, task.Id), now);
            service.UnhealthyReplacementsPending++;
        }

        if (task.Failed && outcome is TaskObservations.Outcome.EssentialContainerExited or TaskObservations.Outcome.Unhealthy)
        {
            OnTaskFailed(state, task, now);
        }
    }

    /// <summary>A task of a service failed: back off further launches and feed the circuit breaker.</summary>
    private void OnTaskFailed(CloudState state, TaskRecord task, DateTime now)
    {
        if (task.ServiceArn is null || !state.Services.TryGetValue(task.ServiceArn, out var service)
            || service.Deployments.FirstOrDefault(d => d.Id == task.DeploymentId) is not { } deployment)
        {
            return;
        }

        deployment.ConsecutiveFailures++;
        deployment.NextLaunchAt = now + options.Backoff(deployment.ConsecutiveFailures);
        if (deployment.RolloutState == "IN_PROGRESS")
        {
            deployment.FailedTasks++;
            deployment.UpdatedAt = now;
            if (deployment == service.Primary && CircuitBreaker.IsEnabled(service) && deployment.FailedTasks >= CircuitBreaker.Threshold(service.DesiredCount))
            {
                var live = state.Tasks.Values.Where(t => t.ServiceArn == service.Arn && t.IsLive).ToList();
                CircuitBreaker.Trip(service, deployment, live, now);
                return;
            }
        }

        if (deployment.ConsecutiveFailures == 3)
        {
            ServiceEvents.Add(service, EventMessages.UnableToConsistentlyStart(service.Name), now);
        }
    }

    /// <summary>The service's listener port and its routable tasks; a task handed to the balancer is drained before it stops.</summary>
    private static void Route(CloudState state, ServiceRecord service, SchedulerPlan plan, DateTime now)
    {
        var definition = service.Primary is { } primary ? TaskDefinitionOperations.Find(state, primary.TaskDefinitionArn, activeOnly: false)?.Definition : null;
        if (definition is null || LaunchSpecification.PublishedPort(service, definition) is not int port)
        {
            return;
        }

        plan.Listeners[service.Arn] = port;
        var routable = state.Tasks.Values.Where(t => t.ServiceArn == service.Arn && TaskObservations.IsRoutable(t)).OrderBy(t => t.CreatedAt).ToList();
        var added = routable.Count(t => !t.Routed);
        foreach (var task in routable)
        {
            task.Routed = true;
        }

        if (added > 0 && service.LoadBalancers.FirstOrDefault(l => l.TargetGroupArn is not null)?.TargetGroupArn is { } targetGroup)
        {
            ServiceEvents.Add(service, EventMessages.RegisteredTargets(service.Name, added, targetGroup), now);
        }

        plan.Targets[service.Arn] = [.. routable.Select(t => new LoadBalancerTarget(t.Id, t.HostPort))];
    }

    private static int FreeHostPort(CloudState state)
    {
        var taken = state.Tasks.Values.Where(t => !t.IsStopped).Select(t => t.HostPort).ToHashSet();
        for (var attempt = 0; ; attempt++)
        {
            using var listener = new TcpListener(IPAddress.Loopback, 0);
            listener.Start();
            var port = ((IPEndPoint)listener.LocalEndpoint).Port;
            if (!taken.Contains(port) || attempt > 20)
            {
                return port;
            }
        }
    }

    private static void MarkStopped(TaskRecord task, DateTime now)
    {
        task.DesiredStatus = TaskStatuses.Stopped;
        task.LastStatus = TaskStatuses.Stopped;
        task.StoppingAt ??= now;
        task.ExecutionStoppedAt ??= now;
        task.StoppedAt ??= now;
        foreach (var container in task.Containers)
        {
            container.LastStatus = TaskStatuses.Stopped;
        }

        task.Touch();
    }

    private void Enqueue(string taskId, Func<CancellationToken, Task> action)
    {
        lock (workGate)
        {
            var previous = work.GetValueOrDefault(taskId) ?? Task.CompletedTask;
            var next = RunAfterAsync(taskId, previous, action);
            work[taskId] = next;
            _ = next.ContinueWith(
                done =>
                {
                    lock (workGate)
                    {
                        if (work.TryGetValue(taskId, out var current) && current == done)
                        {
                            work.Remove(taskId);
                        }
                    }

                    wakeup.Wake();
                },
                CancellationToken.None,
                TaskContinuationOptions.ExecuteSynchronously,
                TaskScheduler.Default);
        }
    }

    private async Task RunAfterAsync(string taskId, Task previous, Func<CancellationToken, Task> action)
    {
        await previous.ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        try
        {
            await action(lifetime.Token);
        }
        catch (OperationCanceledException) when (lifetime.IsCancellationRequested)
        {
            // Shutting down: the restart's recovery picks the task up again.
        }
#pragma warning disable CA1031 // A failed background step is logged; the next tick retries it.
        catch (Exception e)
#pragma warning restore CA1031
        {
            logger.BackgroundFailed(e, taskId);
        }
    }

    private async Task LaunchAsync(string taskId, CancellationToken ct)
    {
        try
        {
            var launch = store.Read(state =>
            {
                var task = state.Tasks.GetValueOrDefault(taskId);
                var definition = task is null ? null : TaskDefinitionOperations.Find(state, task.TaskDefinitionArn, activeOnly: false)?.Definition;
                return task is null || definition is null || !task.IsLive ? null : LaunchSpecification.For(task, definition, secrets, secretsLocation);
            });
            if (launch is null)
            {
                return;
            }

            await runtime.StartAsync(launch, ct);
        }
        catch (TaskStartException e)
        {
            await FailLaunchAsync(taskId, e.StoppedReason, ct);
            return;
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            await FailLaunchAsync(taskId, $"ResourceInitializationError: {e.Message}", ct);
            return;
        }

        store.Mutate(state =>
        {
            if (state.Tasks.TryGetValue(taskId, out var task) && task.LastStatus == TaskStatuses.Pending)
            {
                task.LastStatus = TaskStatuses.Activating;
                task.PullStoppedAt = Now();
                task.Touch();
            }
        });
    }

    private async Task FailLaunchAsync(string taskId, string reason, CancellationToken ct)
    {
        logger.LaunchFailed(taskId, reason);
        try
        {
            // Whatever the runtime created before it failed goes away with the task.
            await runtime.StopAsync(taskId, TimeSpan.Zero, ct);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            logger.CleanupSkipped(taskId, e.Message);
        }

        store.Mutate(state =>
        {
            if (!state.Tasks.TryGetValue(taskId, out var task) || task.IsStopped)
            {
                return;
            }

            var now = Now();
            task.StopCode = "TaskFailedToStart";
            task.StoppedReason = reason;
            task.Failed = true;
            MarkStopped(task, now);
            OnTaskFailed(state, task, now);
        });
    }

    private async Task StopAsync(PlannedStop stop, CancellationToken ct)
    {
        if (stop.Drain && stop.ServiceArn is not null)
        {
            try
            {
                await loadBalancer.DrainAsync(stop.ServiceArn, stop.TaskId, options.DrainTimeout, ct);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                logger.DrainFailed(stop.TaskId, e.Message);
            }

            store.Mutate(state =>
            {
                if (state.Tasks.TryGetValue(stop.TaskId, out var task) && !task.IsStopped)
                {
                    task.LastStatus = TaskStatuses.Stopping;
                    task.Touch();
                }
            });
        }

        var final = await runtime.StopAsync(stop.TaskId, stop.StopTimeout, ct);
        store.Mutate(state =>
        {
            if (!state.Tasks.TryGetValue(stop.TaskId, out var task) || task.IsStopped)
            {
                return;
            }

            foreach (var seen in final.Containers)
            {
                if (task.Containers.FirstOrDefault(c => c.Name == seen.Name) is { } container)
                {
                    container.ExitCode = seen.ExitCode ?? container.ExitCode;
                    container.Reason = seen.Reason ?? container.Reason;
                    container.RuntimeId = seen.RuntimeId ?? container.RuntimeId;
                }
            }

            MarkStopped(task, Now());
        });
    }
}

/// <summary>What one tick decided, carried out after the state lock is released.</summary>
internal sealed class SchedulerPlan
{
    public List<string> Launches { get; } = [];

    public List<PlannedStop> Stops { get; } = [];

    public Dictionary<string, int> Listeners { get; } = new(StringComparer.Ordinal);

    public Dictionary<string, IReadOnlyList<LoadBalancerTarget>> Targets { get; } = new(StringComparer.Ordinal);
}

internal sealed record PlannedStop(string TaskId, string? ServiceArn, bool Drain, TimeSpan StopTimeout);
