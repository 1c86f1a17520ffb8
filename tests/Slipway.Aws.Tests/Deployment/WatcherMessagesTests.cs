using System.Net;
using Slipway.Aws.Deployment.Services;
using Slipway.Aws.Deployment.Watching;
using Slipway.Aws.Ecs.Model;
using Slipway.Aws.Tests.Support;
using static Slipway.Aws.Tests.Deployment.EcsShapes;
using Task = System.Threading.Tasks.Task;

namespace Slipway.Aws.Tests.Deployment;

/// <summary>
/// The watcher's verdicts and the sentences users read when a deployment does not simply complete: a deleted service,
/// a failed deployment without a reason, a vanished one, a failed rollback, looks that fail; on scripted ECS with a
/// fake clock.
/// </summary>
public sealed class WatcherMessagesTests
{
    private static readonly WatchOptions Options = new() { PollInterval = TimeSpan.FromSeconds(5), Timeout = TimeSpan.FromMinutes(10) };

    private readonly SteppedClock time = new(new DateTimeOffset(T0));
    private readonly RecordingObserver observer = new();

    private static ServiceDeployment Ours(string? id = NewId) => new()
    {
        Cluster = ClusterName,
        Service = ServiceName,
        TaskDefinitionArn = New,
        Action = ServiceAction.Updated,
        DeploymentId = id,
        PreviousTaskDefinitionArn = Old,
        RequestedAt = new DateTimeOffset(T0),
        EarlierEventIds = new HashSet<string>(),
    };

    [Fact]
    public async Task A_service_deleted_while_deploying_fails_the_deploy_naming_the_service_its_cluster_and_status()
    {
        var inactive = Service(New, [Rollout(NewId, "PRIMARY", New, "IN_PROGRESS", 0, 2)]);
        inactive.Status = "INACTIVE";

        var failure = await Assert.ThrowsAsync<DeploymentFailedException>(() => WatchAsync(new ScriptedEcs().Then(inactive), Ours()));

        Assert.Equal("The service 'api' in cluster 'prod' is INACTIVE: it was deleted while deploying.", failure.Message);
    }

    [Fact]
    public async Task A_service_gone_while_deploying_is_said_to_be_missing()
    {
        var ecs = new ScriptedEcs().ThenMissing();

        var failure = await Assert.ThrowsAsync<DeploymentFailedException>(() => WatchAsync(ecs, Ours()));

        Assert.Equal("The service 'api' in cluster 'prod' is missing: it was deleted while deploying.", failure.Message);
    }

    [Fact]
    public async Task A_look_answered_by_a_server_error_is_retried_later_more_slowly_and_the_deployment_still_succeeds()
    {
        var ecs = new ScriptedEcs()
            .ThenFailing(new AwsServiceException(new AwsErrorDetails("InternalFailure", "We encountered an internal error.", HttpStatusCode.InternalServerError, Operation: "ECS DescribeServices")))
            .Then(Service(New, [Rollout(NewId, "PRIMARY", New, "COMPLETED", 2, 2)]));

        var service = await WatchAsync(ecs, Ours());

        Assert.Equal(NewId, Assert.Single(service.Deployments!).Id);
        Assert.Equal(["ECS DescribeServices was throttled or failed (InternalFailure); looking again in 10 s"], observer.Notes);
    }

    [Fact]
    public async Task A_timeout_after_only_failed_looks_says_nothing_could_be_read_from_the_service()
    {
        var ecs = new ScriptedEcs().ThenThrottled();

        var timeout = await Assert.ThrowsAsync<DeploymentTimeoutException>(() => WatchAsync(ecs, Ours(), Options with { Timeout = TimeSpan.FromSeconds(30) }));

        Assert.Equal(
            $"Timed out after 30 s (--deploy-timeout): our deployment {NewId} did not complete. Still running on 'api': nothing could be read from the service. " +
            "The deployment goes on in ECS; watch it with 'aws ecs describe-services', or raise --deploy-timeout.",
            timeout.Message);
    }

    [Fact]
    public async Task A_deployment_FAILED_without_a_reason_and_nothing_to_go_back_to_says_so()
    {
        var ecs = new ScriptedEcs().Then(Service(New, [Rollout(NewId, "PRIMARY", New, "FAILED", 0, 2)]));

        var failure = await Assert.ThrowsAsync<DeploymentFailedException>(() => WatchAsync(ecs, Ours()));

        Assert.Equal($"Our deployment {NewId} FAILED: no reason given. ECS did not roll back (no earlier completed deployment).", failure.Message);
        Assert.Equal(DeploymentFailure.Failed, failure.Failure);
    }

    [Fact]
    public async Task A_deployment_gone_with_no_PRIMARY_left_ends_the_sentence_there()
    {
        var ecs = new ScriptedEcs().Then(Service(New, []));

        var failure = await Assert.ThrowsAsync<DeploymentFailedException>(() => WatchAsync(ecs, Ours()));

        Assert.Equal($"Our deployment {NewId} is gone from service 'api'.", failure.Message);
    }

    [Fact]
    public async Task Without_a_rollout_state_our_deployment_succeeds_once_it_alone_runs_all_its_tasks()
    {
        // A service behind a Classic Load Balancer: ECS reports no rolloutState, only counts.
        var ecs = new ScriptedEcs()
            .Then(Service(New, [Rollout(NewId, "PRIMARY", New, null, 2, 2)]));

        var service = await WatchAsync(ecs, Ours());

        Assert.Equal(1, ecs.Looks);
        Assert.Equal(2, service.RunningCount);
    }

    [Theory]
    [InlineData(null, "no reason given")]
    [InlineData("ECS deployment circuit breaker: tasks failed to start.", "ECS deployment circuit breaker: tasks failed to start.")]
    public async Task A_rollback_that_fails_too_is_reported_with_its_reason_and_what_the_service_runs(string? reason, string shown)
    {
        var failedRollback = Rollout(OldId, "PRIMARY", Old, "FAILED", 0, 2, reason: reason);
        var ecs = new ScriptedEcs()
            .Then(Service(Old, [Rollout(OldId, "PRIMARY", Old, "IN_PROGRESS", 0, 2), Rollout(NewId, "ACTIVE", New, "FAILED", 0, 2, reason: "tasks failed to start")]))
            .Then(Service(Old, [failedRollback]));

        var failure = await Assert.ThrowsAsync<DeploymentFailedException>(() => WatchAsync(ecs, Ours()));

        Assert.EndsWith($" The rollback failed too ({shown}); the service runs: {ServiceDeployments.Describe(failedRollback)}.", failure.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Tasks_still_being_stopped_count_towards_failing_fast_and_a_rollback_not_yet_named_is_reported_without_an_id()
    {
        // ECS may list a task whose stop is under way (desired STOPPED, last status DEPROVISIONING): it has failed.
        var inProgress = Service(New, [Rollout(NewId, "PRIMARY", New, "IN_PROGRESS", 0, 2, failed: 2), Rollout(OldId, "ACTIVE", Old, "COMPLETED", 2, 2)]);
        var scripted = new ScriptedEcs().Then(inProgress);
        scripted.AfterUpdate.Add(Service(Old, [Rollout("ecs-svc/9000000000000000009", "PRIMARY", Old, "COMPLETED", 2, 2)]));
        foreach (var id in new[] { "0c", "0d" })
        {
            var stopping = StoppedTask(id, NewId, TaskStopCode.EssentialContainerExited, 139, "Essential container in task exited");
            stopping.LastStatus = "DEPROVISIONING";
            scripted.StoppedTasks.Add((0, stopping));
        }

        scripted.UnnamedDeployment = true;

        var failure = await Assert.ThrowsAsync<DeploymentFailedException>(() => WatchAsync(scripted, Ours()));

        Assert.Equal(DeploymentFailure.FailedFast, failure.Failure);
        Assert.StartsWith(
            $"Tasks of our deployment {NewId} stopped 2 times for the same reason: stop code EssentialContainerExited, container 'api' exit code 139, reason \"Essential container in task exited\". "
            + "Rolled back to api:6 without waiting for ECS's circuit breaker. The rollback completed;",
            failure.Message,
            StringComparison.Ordinal);
    }

    private Task<Service> WatchAsync(Ecs.IAmazonECS ecs, ServiceDeployment target, WatchOptions? options = null) =>
        time.RunAsync(new DeploymentWatcher(ecs, time, observer).WatchAsync(target, options ?? Options, CancellationToken.None), TimeSpan.FromSeconds(1));
}
