using Slipway.LocalCloud.Scheduling;
using Slipway.LocalCloud.Tests.Support;

namespace Slipway.LocalCloud.Tests;

/// <summary>The deployment circuit breaker and its rollback (ecs-behaviour.md §2).</summary>
public sealed class CircuitBreakerTests : IDisposable
{
    private readonly ControlPlane cloud = new();

    public CircuitBreakerTests() => cloud.CreateCluster();

    public void Dispose() => cloud.Dispose();

    [Theory]
    [InlineData(0, 3)]
    [InlineData(1, 3)]
    [InlineData(6, 3)]
    [InlineData(7, 4)]
    [InlineData(25, 13)]
    [InlineData(400, 200)]
    [InlineData(800, 200)]
    public void The_threshold_is_half_the_desired_count_rounded_up_within_3_and_200(int desired, int threshold)
        => Assert.Equal(threshold, CircuitBreaker.Threshold(desired));

    [Fact]
    public async Task A_release_that_exits_at_start_fails_after_three_tasks_and_rolls_back_to_the_completed_deployment()
    {
        var good = cloud.Register("api", "registry/api:v1");
        var broken = cloud.Register("api", "registry/api:crash");
        cloud.CreateService("api", good, desired: 1);
        await cloud.RunUntilAsync(() => ControlPlane.IsSteady(cloud.Service("api")));
        var completed = cloud.Service("api").Deployments![0];
        var goodTask = Assert.Single(cloud.TasksOf("api")).TaskArn;

        var update = cloud.Update("api", broken);
        var failedId = update.Deployments![0].Id;
        await cloud.RunUntilAsync(() => cloud.Service("api").Deployments![0].Id == completed.Id);
        var rollingBack = cloud.Service("api");
        await cloud.RunUntilAsync(() => ControlPlane.IsSteady(cloud.Service("api")));

        var restored = rollingBack.Deployments![0];
        Assert.Equal((completed.Id, completed.CreatedAt, "PRIMARY", "IN_PROGRESS"), (restored.Id, restored.CreatedAt, restored.Status, restored.RolloutState));
        Assert.Equal($"ECS deployment circuit breaker: rolling back to deploymentId {completed.Id}.", restored.RolloutStateReason);
        var failed = rollingBack.Deployments.Single(d => d.Id == failedId);
        Assert.Equal(("ACTIVE", "FAILED", "ECS deployment circuit breaker: tasks failed to start.", 3), (failed.Status, failed.RolloutState, failed.RolloutStateReason, failed.FailedTasks));
        Assert.Equal(good, rollingBack.TaskDefinition);

        var service = cloud.Service("api");
        var final = Assert.Single(service.Deployments!);
        Assert.Equal((completed.Id, "COMPLETED", $"ECS deployment {completed.Id} completed.", good), (final.Id, final.RolloutState, final.RolloutStateReason, final.TaskDefinition));
        Assert.Equal(goodTask, Assert.Single(cloud.TasksOf("api")).TaskArn);
        var crashed = cloud.TasksOf("api", "STOPPED");
        Assert.Equal(3, crashed.Count);
        Assert.All(crashed, t => Assert.Equal(
            ("EssentialContainerExited", "Essential container in task exited", 1, broken, failedId),
            (t.StopCode, t.StoppedReason, t.Containers![0].ExitCode, t.TaskDefinitionArn, t.StartedBy)));

        var events = cloud.EventsOldestFirst("api").SkipWhile(e => !e.Contains("has reached", StringComparison.Ordinal)).Skip(1).ToList();
        Assert.Equal(
            [
                "(service api) has started 1 tasks: (task *).",
                "(service api) has started 1 tasks: (task *).",
                "(service api) has started 1 tasks: (task *).",
                $"(service api) (deployment {failedId}) deployment failed: tasks failed to start.",
                $"(service api) rolling back to deployment {completed.Id}.",
                $"(service api) (deployment {completed.Id}) deployment completed.",
                "(service api) has reached a steady state.",
            ],
            events.Select(e => System.Text.RegularExpressions.Regex.Replace(e, "[0-9a-f]{32}", "*")));
    }

    [Fact]
    public async Task Failed_launches_back_off_and_count_for_the_breaker()
    {
        var good = cloud.Register("api", "registry/api:v1");
        var unpullable = cloud.Register("api", "registry/api:nopull");
        cloud.CreateService("api", good, desired: 1);
        await cloud.RunUntilAsync(() => ControlPlane.IsSteady(cloud.Service("api")));
        var started = cloud.Time.GetUtcNow();

        var failedId = cloud.Update("api", unpullable).Deployments![0].Id;
        await cloud.RunUntilAsync(() => cloud.Service("api").Deployments!.Any(d => d.RolloutState == "FAILED"));

        var stopped = cloud.TasksOf("api", "STOPPED");
        Assert.Equal(3, stopped.Count);
        Assert.All(stopped, t => Assert.Equal(("TaskFailedToStart", "CannotPullContainerError: pull image manifest has been retried 5 time(s): manifest unknown"), (t.StopCode, t.StoppedReason)));
        Assert.All(stopped, t => Assert.Null(t.Containers![0].ExitCode));
        var launchTimes = stopped.Select(t => t.CreatedAt!.Value).Order().ToList();
        Assert.True(launchTimes[2] - launchTimes[1] > launchTimes[1] - launchTimes[0], $"no growing backoff: {string.Join(", ", launchTimes)}");
        Assert.True(cloud.Time.GetUtcNow() - started < TimeSpan.FromMinutes(1));
        Assert.Equal(failedId, cloud.Service("api").Deployments!.Single(d => d.RolloutState == "FAILED").Id);
    }

    [Fact]
    public async Task Without_rollback_the_failed_deployment_stays_PRIMARY_launches_nothing_more_and_the_old_tasks_keep_serving()
    {
        var good = cloud.Register("api", "registry/api:v1");
        var broken = cloud.Register("api", "registry/api:crash");
        var created = cloud.CreateService("api", good, desired: 1, rollback: false);
        await cloud.RunUntilAsync(() => ControlPlane.IsSteady(cloud.Service("api")));

        cloud.Update("api", broken);
        await cloud.RunUntilAsync(() => cloud.Service("api").Deployments![0].RolloutState == "FAILED");
        var launches = cloud.Runtime.Launches.Count;
        await cloud.RunForAsync(120);

        var service = cloud.Service("api");
        Assert.Equal(("PRIMARY", broken), (service.Deployments![0].Status, service.Deployments[0].TaskDefinition));
        Assert.Equal(2, service.Deployments.Count);
        Assert.Equal(launches, cloud.Runtime.Launches.Count);
        Assert.Single(cloud.Balancer.TargetsOf(created.ServiceArn!));
        Assert.Equal(good, Assert.Single(cloud.TasksOf("api")).TaskDefinitionArn);
    }

    [Fact]
    public async Task The_first_deployment_of_a_service_has_nothing_to_roll_back_to()
    {
        var broken = cloud.Register("api", "registry/api:crash");
        cloud.CreateService("api", broken, desired: 1);

        await cloud.RunUntilAsync(() => cloud.Service("api").Deployments![0].RolloutState == "FAILED");
        await cloud.RunForAsync(30);

        var deployment = Assert.Single(cloud.Service("api").Deployments!);
        Assert.Equal(("PRIMARY", "FAILED", 3), (deployment.Status, deployment.RolloutState, deployment.FailedTasks));
        Assert.Empty(cloud.TasksOf("api"));
    }

    [Fact]
    public async Task Without_the_breaker_a_crashing_release_keeps_being_retried_and_ECS_says_it_cannot_start_tasks_consistently()
    {
        var good = cloud.Register("api", "registry/api:v1");
        var broken = cloud.Register("api", "registry/api:crash");
        cloud.CreateService("api", good, desired: 1, breaker: false);
        await cloud.RunUntilAsync(() => ControlPlane.IsSteady(cloud.Service("api")));

        cloud.Update("api", broken);
        await cloud.RunForAsync(90);

        var service = cloud.Service("api");
        Assert.Equal("IN_PROGRESS", service.Deployments![0].RolloutState);
        Assert.True(service.Deployments[0].FailedTasks >= 4);
        Assert.Contains("(service api) is unable to consistently start tasks successfully.", service.Events!.Select(e => e.Message));
        Assert.Equal(good, Assert.Single(cloud.TasksOf("api")).TaskDefinitionArn);
    }
}
