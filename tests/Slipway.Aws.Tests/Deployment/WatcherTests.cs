using Slipway.Aws.Deployment.Services;
using Slipway.Aws.Deployment.Watching;
using Slipway.Aws.Ecs.Model;
using Slipway.Aws.Tests.Support;
using static Slipway.Aws.Tests.Deployment.EcsShapes;
using Task = System.Threading.Tasks.Task;

namespace Slipway.Aws.Tests.Deployment;

/// <summary>The watcher on scripted DescribeServices/ListTasks/DescribeTasks sequences shaped like ECS's, with a fake clock.</summary>
public sealed class WatcherTests
{
    private static readonly WatchOptions Options = new() { PollInterval = TimeSpan.FromSeconds(5), Timeout = TimeSpan.FromMinutes(10) };

    private readonly SteppedClock time = new(new DateTimeOffset(T0));
    private readonly RecordingObserver observer = new();

    private static ServiceDeployment Ours(string? id = NewId, string? previous = Old) => new()
    {
        Cluster = ClusterName,
        Service = ServiceName,
        TaskDefinitionArn = New,
        Action = ServiceAction.Updated,
        DeploymentId = id,
        PreviousTaskDefinitionArn = previous,
        RequestedAt = new DateTimeOffset(T0),
        EarlierEventIds = new HashSet<string> { Event(-60, "").Id! },
    };

    [Fact]
    public async Task Succeeds_when_our_deployment_is_PRIMARY_and_COMPLETED_streaming_each_new_event_once_oldest_first()
    {
        var earlier = (-60, "has reached a steady state.");
        var ecs = new ScriptedEcs()
            .Then(Service(New, [Rollout(NewId, "PRIMARY", New, "IN_PROGRESS", 0, 2), Rollout(OldId, "ACTIVE", Old, "COMPLETED", 2, 2)], earlier))
            .Then(Service(New, [Rollout(NewId, "PRIMARY", New, "IN_PROGRESS", 1, 2, pending: 1), Rollout(OldId, "ACTIVE", Old, "COMPLETED", 2, 2)],
                earlier, (3, "has started 1 tasks: (task 1f2e3d4c5b6a47389a8b7c6d5e4f3a2b).")))
            .Then(Service(New, [Rollout(NewId, "PRIMARY", New, "IN_PROGRESS", 2, 2), Rollout(OldId, "ACTIVE", Old, "COMPLETED", 0, 2)],
                earlier, (3, "has started 1 tasks: (task 1f2e3d4c5b6a47389a8b7c6d5e4f3a2b)."), (8, "has started 1 tasks: (task 2f2e3d4c5b6a47389a8b7c6d5e4f3a2b)."), (12, "has stopped 2 running tasks: (task a1) (task a2).")))
            .Then(Service(New, [Rollout(NewId, "PRIMARY", New, "COMPLETED", 2, 2)],
                earlier, (12, "has stopped 2 running tasks: (task a1) (task a2)."), (70, $"(deployment {NewId}) deployment completed."), (71, "has reached a steady state.")));

        var service = await WatchAsync(ecs, Ours());

        Assert.Equal(4, ecs.Looks);
        Assert.Equal("COMPLETED", Assert.Single(service.Deployments!).RolloutState);
        Assert.Equal(
        [
            "(service api) has started 1 tasks: (task 1f2e3d4c5b6a47389a8b7c6d5e4f3a2b).",
            "(service api) has started 1 tasks: (task 2f2e3d4c5b6a47389a8b7c6d5e4f3a2b).",
            "(service api) has stopped 2 running tasks: (task a1) (task a2).",
            $"(service api) (deployment {NewId}) deployment completed.",
            "(service api) has reached a steady state.",
        ], observer.Events);
        Assert.StartsWith($"{NewId} PRIMARY IN_PROGRESS api:7: 0/2 running, 0 pending", observer.Progresses[0].Ours, StringComparison.Ordinal);
        Assert.Contains($"{OldId} ACTIVE COMPLETED api:6: 2/2 running", observer.Progresses[0].Others[0], StringComparison.Ordinal);
        Assert.Equal($"{NewId} PRIMARY COMPLETED api:7: 2/2 running, 0 pending", observer.Progresses[^1].Ours);
        Assert.Equal(TimeSpan.FromSeconds(15), observer.Progresses[^1].Elapsed);
    }

    [Fact]
    public async Task A_rollback_by_the_circuit_breaker_is_a_failure_never_a_success_although_the_service_ends_stable()
    {
        var ecs = new ScriptedEcs()
            .Then(Service(New, [Rollout(NewId, "PRIMARY", New, "IN_PROGRESS", 0, 2, failed: 2), Rollout(OldId, "ACTIVE", Old, "COMPLETED", 2, 2)]))
            .Then(Service(Old,
                [
                    Rollout(OldId, "PRIMARY", Old, "IN_PROGRESS", 2, 2, reason: $"ECS deployment circuit breaker: rolling back to deploymentId {OldId}."),
                    Rollout(NewId, "ACTIVE", New, "FAILED", 0, 0, failed: 3, reason: "ECS deployment circuit breaker: tasks failed to start."),
                ],
                (40, $"(deployment {NewId}) deployment failed: tasks failed to start."), (41, $"rolling back to deployment {OldId}.")))
            .Then(Service(Old, [Rollout(OldId, "PRIMARY", Old, "COMPLETED", 2, 2)], (90, "has reached a steady state.")));

        var failure = await Assert.ThrowsAsync<DeploymentFailedException>(() => WatchAsync(ecs, Ours()));

        Assert.Equal(DeploymentFailure.RolledBack, failure.Failure);
        Assert.Contains("ECS deployment circuit breaker: tasks failed to start.", failure.Message, StringComparison.Ordinal);
        Assert.Contains($"rolled back to {OldId} (api:6)", failure.Message, StringComparison.Ordinal);
        // The deploy ends when the rollback has completed, saying what runs then.
        Assert.Equal(3, ecs.Looks);
        Assert.EndsWith($"The rollback completed; the service runs api:6 again: {OldId} PRIMARY COMPLETED api:6: 2/2 running, 0 pending.", failure.Message, StringComparison.Ordinal);
        Assert.Equal(failure.ServiceNow, failure.Message[^failure.ServiceNow!.Length..]);
        Assert.Contains("(service api) has reached a steady state.", observer.Events);
        Assert.Contains($"(service api) rolling back to deployment {OldId}.", observer.Events);
    }

    [Fact]
    public async Task Our_deployment_vanishing_while_the_previous_one_is_back_is_a_rollback()
    {
        var ecs = new ScriptedEcs()
            .Then(Service(New, [Rollout(NewId, "PRIMARY", New, "IN_PROGRESS", 0, 2), Rollout(OldId, "ACTIVE", Old, "COMPLETED", 2, 2)]))
            .Then(Service(Old, [Rollout(OldId, "PRIMARY", Old, "COMPLETED", 2, 2)]));

        var failure = await Assert.ThrowsAsync<DeploymentFailedException>(() => WatchAsync(ecs, Ours()));

        Assert.Equal(DeploymentFailure.RolledBack, failure.Failure);
        Assert.Contains($"Our deployment {NewId} is gone", failure.Message, StringComparison.Ordinal);
        Assert.Contains("back on api:6", failure.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task FAILED_without_rollback_is_a_failure()
    {
        var ecs = new ScriptedEcs()
            .Then(Service(New, [Rollout(NewId, "PRIMARY", New, "FAILED", 0, 2, failed: 3, reason: "ECS deployment circuit breaker: tasks failed to start.")]));

        var failure = await Assert.ThrowsAsync<DeploymentFailedException>(() => WatchAsync(ecs, Ours(previous: null)));

        Assert.Equal(DeploymentFailure.Failed, failure.Failure);
        Assert.Contains("did not roll back", failure.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Tasks_stopping_twice_for_the_same_reason_fail_fast_and_roll_back_to_the_previous_task_definition()
    {
        var inProgress = Service(New, [Rollout(NewId, "PRIMARY", New, "IN_PROGRESS", 0, 2, failed: 1), Rollout(OldId, "ACTIVE", Old, "COMPLETED", 2, 2)]);
        var ecs = new ScriptedEcs().Then(inProgress);
        const string RollbackId = "ecs-svc/9000000000000000009";
        ecs.AfterUpdate.Add(Service(Old, [Rollout(RollbackId, "PRIMARY", Old, "IN_PROGRESS", 1, 2), Rollout(NewId, "ACTIVE", New, "IN_PROGRESS", 0, 0, failed: 2)]));
        ecs.AfterUpdate.Add(Service(Old, [Rollout(RollbackId, "PRIMARY", Old, "COMPLETED", 2, 2)], (30, "has reached a steady state.")));
        // An old task replaced on purpose, and one of ours stopped for another reason: neither counts.
        ecs.StoppedTasks.Add((0, StoppedTask("0a", OldId, TaskStopCode.ServiceSchedulerInitiated, 143, $"Scaling activity initiated by (deployment {NewId})")));
        ecs.StoppedTasks.Add((1, StoppedTask("0b", NewId, TaskStopCode.TaskFailedToStart, null, "CannotPullContainerError: pull image manifest has been retried 5 time(s)")));
        ecs.StoppedTasks.Add((2, StoppedTask("0c", NewId, TaskStopCode.EssentialContainerExited, 139, "Essential container in task exited")));
        ecs.StoppedTasks.Add((4, StoppedTask("0d", NewId, TaskStopCode.EssentialContainerExited, 139, "Essential container in task exited")));

        var failure = await Assert.ThrowsAsync<DeploymentFailedException>(() => WatchAsync(ecs, Ours()));

        Assert.Equal(DeploymentFailure.FailedFast, failure.Failure);
        Assert.Equal(new StoppedTaskReason(TaskStopCode.EssentialContainerExited, "api", 139, null, "Essential container in task exited"), failure.Reason);
        Assert.Contains("stop code EssentialContainerExited, container 'api' exit code 139, reason \"Essential container in task exited\"", failure.Message, StringComparison.Ordinal);
        var rollback = Assert.Single(ecs.Updates);
        Assert.Equal((ClusterName, ServiceName, Old), (rollback.Cluster, rollback.Service, rollback.TaskDefinition));
        Assert.Contains("Rolled back to api:6", failure.Message, StringComparison.Ordinal);
        // Then it waits for the rollback deployment to complete and says what runs.
        Assert.EndsWith($"The rollback completed; the service runs api:6 again: {RollbackId} PRIMARY COMPLETED api:6: 2/2 running, 0 pending.", failure.Message, StringComparison.Ordinal);
        Assert.Equal(6, ecs.Looks);
        // Each stopped task was described once, however many looks listed it.
        Assert.Equal(3, ecs.Calls.Count(c => c == "DescribeTasks"));
        Assert.Equal(4, ecs.Calls.Count(c => c == "ListTasks"));
    }

    [Fact]
    public async Task A_rollback_still_rolling_out_at_the_deadline_is_reported_as_it_is_and_the_deploy_stays_failed()
    {
        var rollingBack = Service(Old,
            [
                Rollout(OldId, "PRIMARY", Old, "IN_PROGRESS", 1, 2, pending: 1, reason: $"ECS deployment circuit breaker: rolling back to deploymentId {OldId}."),
                Rollout(NewId, "ACTIVE", New, "FAILED", 0, 0, failed: 3, reason: "ECS deployment circuit breaker: tasks failed to start."),
            ]);
        var ecs = new ScriptedEcs()
            .Then(Service(New, [Rollout(NewId, "PRIMARY", New, "IN_PROGRESS", 0, 2, failed: 2), Rollout(OldId, "ACTIVE", Old, "COMPLETED", 2, 2)]))
            .ThenThrottled()
            .Then(rollingBack);
        var started = time.GetUtcNow();

        var failure = await Assert.ThrowsAsync<DeploymentFailedException>(() => WatchAsync(ecs, Ours(), Options with { Timeout = TimeSpan.FromMinutes(1) }));

        Assert.Equal(DeploymentFailure.RolledBack, failure.Failure);
        Assert.EndsWith($"The rollback had not completed after 1 min (--deploy-timeout); the service runs: {OldId} PRIMARY IN_PROGRESS api:6: 1/2 running, 1 pending; {NewId} ACTIVE FAILED api:7: 0/0 running, 0 pending, 3 failed.", failure.Message, StringComparison.Ordinal);
        // Our deployment failed at 15 s (a throttled look between); the rollback had a minute of its own.
        Assert.Equal(TimeSpan.FromSeconds(75), time.GetUtcNow() - started);
    }

    [Fact]
    public async Task Fail_fast_on_a_new_service_reports_the_reason_without_a_rollback()
    {
        var ecs = new ScriptedEcs().Then(Service(New, [Rollout(NewId, "PRIMARY", New, "IN_PROGRESS", 0, 2)]));
        ecs.StoppedTasks.Add((0, StoppedTask("0c", NewId, TaskStopCode.EssentialContainerExited, 1, "Essential container in task exited")));
        ecs.StoppedTasks.Add((0, StoppedTask("0d", NewId, TaskStopCode.EssentialContainerExited, 1, "Essential container in task exited")));

        var failure = await Assert.ThrowsAsync<DeploymentFailedException>(() => WatchAsync(ecs, Ours(previous: null)));

        Assert.Equal(DeploymentFailure.FailedFast, failure.Failure);
        Assert.Contains("no earlier task definition", failure.Message, StringComparison.Ordinal);
        Assert.Empty(ecs.Updates);
    }

    [Fact]
    public async Task A_deployment_still_rolling_out_at_the_deadline_times_out_and_says_what_is_still_running()
    {
        var ecs = new ScriptedEcs()
            .Then(Service(New, [Rollout(NewId, "PRIMARY", New, "IN_PROGRESS", 1, 2, pending: 1), Rollout(OldId, "ACTIVE", Old, "COMPLETED", 2, 2)]));
        var started = time.GetUtcNow();

        var timeout = await Assert.ThrowsAsync<DeploymentTimeoutException>(() => WatchAsync(ecs, Ours(), Options with { Timeout = TimeSpan.FromMinutes(2) }));

        Assert.Equal(TimeSpan.FromMinutes(2), time.GetUtcNow() - started);
        Assert.Contains("Timed out after 2 min (--deploy-timeout)", timeout.Message, StringComparison.Ordinal);
        Assert.Contains($"{NewId} PRIMARY IN_PROGRESS api:7: 1/2 running, 1 pending", timeout.Message, StringComparison.Ordinal);
        Assert.Contains($"{OldId} ACTIVE COMPLETED api:6: 2/2 running", timeout.Message, StringComparison.Ordinal);
        Assert.Equal(25, ecs.Looks); // at 0 s, every 5 s, and once more at the deadline
    }

    [Fact]
    public async Task Throttling_during_the_wait_slows_the_looks_down_instead_of_failing()
    {
        var ecs = new ScriptedEcs()
            .Then(Service(New, [Rollout(NewId, "PRIMARY", New, "IN_PROGRESS", 0, 2), Rollout(OldId, "ACTIVE", Old, "COMPLETED", 2, 2)]))
            .ThenThrottled()
            .ThenThrottled()
            .Then(Service(New, [Rollout(NewId, "PRIMARY", New, "COMPLETED", 2, 2)]));
        var started = time.GetUtcNow();

        await WatchAsync(ecs, Ours());

        Assert.Equal(2, observer.Notes.Count(n => n.Contains("ThrottlingException", StringComparison.Ordinal)));
        Assert.Contains("looking again in 10 s", observer.Notes[0], StringComparison.Ordinal);
        Assert.Contains("looking again in 20 s", observer.Notes[1], StringComparison.Ordinal);
        Assert.Equal(TimeSpan.FromSeconds(35), time.GetUtcNow() - started);
    }

    [Fact]
    public async Task Wait_stable_also_waits_for_the_old_deployment_to_drain()
    {
        var completedButOldStillThere = Service(New, [Rollout(NewId, "PRIMARY", New, "COMPLETED", 2, 2), Rollout(OldId, "ACTIVE", Old, "COMPLETED", 1, 0)]);
        var settled = Service(New, [Rollout(NewId, "PRIMARY", New, "COMPLETED", 2, 2)]);

        var deployed = new ScriptedEcs().Then(completedButOldStillThere).Then(settled);
        await WatchAsync(deployed, Ours());
        var stable = new ScriptedEcs().Then(completedButOldStillThere).Then(settled);
        await WatchAsync(stable, Ours(), Options with { Mode = WaitMode.Stable });

        Assert.Equal(1, deployed.Looks);
        Assert.Equal(2, stable.Looks);
    }

    [Fact]
    public async Task Another_deploy_replacing_ours_is_a_failure_naming_it()
    {
        const string third = "arn:aws:ecs:us-east-1:123456789012:task-definition/api:8";
        var ecs = new ScriptedEcs()
            .Then(Service(third, [Rollout("ecs-svc/1111111111111111111", "PRIMARY", third, "IN_PROGRESS", 0, 2), Rollout(NewId, "ACTIVE", New, "IN_PROGRESS", 1, 2)]));

        var failure = await Assert.ThrowsAsync<DeploymentFailedException>(() => WatchAsync(ecs, Ours()));

        Assert.Contains("no longer PRIMARY (it is ACTIVE): deployment ecs-svc/1111111111111111111 of api:8 replaced it (another deploy)", failure.Message, StringComparison.Ordinal);
        // Not a rollback: nothing to wait for.
        Assert.Equal(1, ecs.Looks);
        Assert.Null(failure.ServiceNow);
    }

    [Fact]
    public async Task Without_a_deployment_id_the_watcher_adopts_the_new_PRIMARY_of_our_task_definition_and_never_an_older_one()
    {
        // moto: the update changes the service's task definition but the only deployment keeps the old one.
        var ecs = new ScriptedEcs().Then(Service(New, [Rollout(OldId, "PRIMARY", Old, "COMPLETED", 2, 2)]));

        var timeout = await Assert.ThrowsAsync<DeploymentTimeoutException>(() => WatchAsync(ecs, Ours(id: null), Options with { Timeout = TimeSpan.FromSeconds(30) }));

        Assert.Contains("no deployment of api:7 appeared", timeout.Message, StringComparison.Ordinal);
    }

    private Task<Service> WatchAsync(ScriptedEcs ecs, ServiceDeployment target, WatchOptions? options = null) =>
        time.RunAsync(new DeploymentWatcher(ecs, time, observer).WatchAsync(target, options ?? Options, CancellationToken.None), TimeSpan.FromSeconds(1));
}
