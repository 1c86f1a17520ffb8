using System.Text.RegularExpressions;
using Slipway.LocalCloud.Tests.Support;

namespace Slipway.LocalCloud.Tests;

/// <summary>Rolling deployments as ecs-behaviour.md §1 and §3 describe them, on a fake engine and a fake clock.</summary>
public sealed partial class RolloutTests : IDisposable
{
    private readonly ControlPlane cloud = new();

    public RolloutTests() => cloud.CreateCluster();

    public void Dispose() => cloud.Dispose();

    [Fact]
    public async Task A_new_service_rolls_out_to_COMPLETED_with_the_events_ECS_writes()
    {
        var definition = cloud.Register("api", "registry/api:v1");

        var created = cloud.CreateService("api", definition, desired: 2);
        await cloud.RunUntilAsync(() => ControlPlane.IsSteady(cloud.Service("api")));

        var first = Assert.Single(created.Deployments!);
        Assert.Matches(DeploymentId(), first.Id!);
        Assert.Equal(("PRIMARY", "IN_PROGRESS", $"ECS deployment {first.Id} in progress."), (first.Status, first.RolloutState, first.RolloutStateReason));
        var service = cloud.Service("api");
        var deployment = Assert.Single(service.Deployments!);
        Assert.Equal(first.Id, deployment.Id);
        Assert.Equal(("PRIMARY", "COMPLETED", $"ECS deployment {first.Id} completed."), (deployment.Status, deployment.RolloutState, deployment.RolloutStateReason));
        Assert.Equal((2, 2, 0, 0), (deployment.DesiredCount, deployment.RunningCount, deployment.PendingCount, deployment.FailedTasks));
        var tasks = cloud.TasksOf("api");
        Assert.Equal(2, tasks.Count);
        Assert.All(tasks, t => Assert.Equal(("RUNNING", "RUNNING", "HEALTHY", "service:api", first.Id), (t.LastStatus, t.DesiredStatus, t.HealthStatus, t.Group, t.StartedBy)));
        Assert.All(tasks, t => Assert.Matches("^arn:aws:ecs:us-east-1:000000000000:task/local/[0-9a-f]{32}$", t.TaskArn!));
        var ids = string.Join(' ', tasks.OrderBy(t => t.TaskArn).Select(t => $"(task {t.TaskArn![^32..]})"));
        var events = cloud.EventsOldestFirst("api");
        Assert.Equal(
            [
                $"(service api) has started 2 tasks: {ids}.",
                $"(service api) (deployment {first.Id}) deployment completed.",
                "(service api) has reached a steady state.",
            ],
            events.Select(e => e.StartsWith("(service api) has started", StringComparison.Ordinal) ? SortTaskIds(e) : e));
        Assert.Equal(8080, cloud.Balancer.Listeners[service.ServiceArn!]);
        var launches = cloud.Runtime.Launches;
        Assert.Equal(
            launches.Select(l => (l.TaskId, l.HostPort)).Order(),
            cloud.Balancer.TargetsOf(service.ServiceArn!).Select(t => (t.TaskId, t.HostPort)).Order());
        Assert.Equal(2, launches.Select(l => l.HostPort).Distinct().Count());
    }

    [Fact]
    public async Task An_update_makes_a_new_PRIMARY_the_old_stays_ACTIVE_until_drained_and_the_service_never_drops_below_desired()
    {
        var v1 = cloud.Register("api", "registry/api:v1");
        var v2 = cloud.Register("api", "registry/api:v2");
        cloud.CreateService("api", v1, desired: 2);
        await cloud.RunUntilAsync(() => ControlPlane.IsSteady(cloud.Service("api")));
        var old = cloud.Service("api").Deployments![0];
        var oldTasks = cloud.TasksOf("api").Select(t => t.TaskArn![^32..]).ToList();

        var updated = cloud.Update("api", v2);
        var fewestTargets = int.MaxValue;
        await cloud.RunUntilAsync(
            () => ControlPlane.IsSteady(cloud.Service("api")) && cloud.Service("api").Deployments![0].Id != old.Id,
            eachStep: () => fewestTargets = Math.Min(fewestTargets, cloud.Balancer.TargetsOf(updated.ServiceArn!).Count));

        Assert.Equal(2, updated.Deployments!.Count);
        var (primary, active) = (updated.Deployments[0], updated.Deployments[1]);
        Assert.Equal(("PRIMARY", "IN_PROGRESS", v2, 0, 0), (primary.Status, primary.RolloutState, primary.TaskDefinition, primary.DesiredCount, primary.RunningCount));
        Assert.Equal((old.Id, "ACTIVE", v1, 2, 2), (active.Id, active.Status, active.TaskDefinition, active.DesiredCount, active.RunningCount));
        Assert.Equal(v2, updated.TaskDefinition);
        Assert.True(fewestTargets >= 2, $"the load balancer had only {fewestTargets} targets during the rollout");

        var final = Assert.Single(cloud.Service("api").Deployments!);
        Assert.Equal((primary.Id, "COMPLETED", v2), (final.Id, final.RolloutState, final.TaskDefinition));
        var stopped = cloud.TasksOf("api", "STOPPED");
        Assert.Equal(oldTasks.Order(), stopped.Select(t => t.TaskArn![^32..]).Order());
        Assert.All(stopped, t => Assert.Equal(
            ("STOPPED", "ServiceSchedulerInitiated", $"Scaling activity initiated by (deployment {primary.Id})", 143),
            (t.LastStatus, t.StopCode, t.StoppedReason, t.Containers![0].ExitCode)));

        // Every old task left the load balancer, then was drained, and only then stopped.
        Assert.DoesNotContain(cloud.Balancer.Drains, d => d.Contains("STILL", StringComparison.Ordinal));
        foreach (var id in oldTasks)
        {
            var calls = cloud.Runtime.Calls.ToList();
            Assert.True(calls.IndexOf($"drain {id}") >= 0 && calls.IndexOf($"drain {id}") < calls.IndexOf($"stop {id}"), string.Join("\n", calls));
        }

        var events = cloud.EventsOldestFirst("api");
        var stoppedEvent = Assert.Single(events, e => e.Contains("running tasks", StringComparison.Ordinal));
        Assert.Matches(@"^\(service api\) has stopped 2 running tasks: \(task [0-9a-f]{32}\) \(task [0-9a-f]{32}\)\.$", stoppedEvent);
        Assert.Equal($"(service api, taskSet {old.Id}) has begun draining connections on 2 tasks.", events[events.ToList().IndexOf(stoppedEvent) + 1]);
        Assert.Equal($"(service api) (deployment {primary.Id}) deployment completed.", events[^2]);
        Assert.Equal("(service api) has reached a steady state.", events[^1]);
    }

    [Fact]
    public async Task With_minimum_50_percent_and_maximum_100_half_the_old_tasks_stop_before_new_ones_start()
    {
        var v1 = cloud.Register("api", "registry/api:v1");
        var v2 = cloud.Register("api", "registry/api:v2");
        cloud.CreateService("api", v1, desired: 4, minimumHealthy: 50, maximum: 100);
        await cloud.RunUntilAsync(() => ControlPlane.IsSteady(cloud.Service("api")));

        cloud.Update("api", v2);
        var most = 0;
        var fewestHealthy = int.MaxValue;
        await cloud.StepAsync();
        var afterFirstTick = cloud.TasksOf("api");
        await cloud.RunUntilAsync(
            () => ControlPlane.IsSteady(cloud.Service("api")) && cloud.Service("api").TaskDefinition == v2,
            eachStep: () =>
            {
                var live = cloud.TasksOf("api");
                most = Math.Max(most, live.Count);
                fewestHealthy = Math.Min(fewestHealthy, live.Count(t => t.HealthStatus == "HEALTHY" && t.LastStatus == "RUNNING"));
            });

        Assert.Equal(2, afterFirstTick.Count(t => t.TaskDefinitionArn == v1));
        Assert.Equal(2, afterFirstTick.Count(t => t.TaskDefinitionArn == v2));
        Assert.True(most <= 4, $"{most} tasks at once with maximumPercent 100 of 4");
        Assert.True(fewestHealthy >= 2, $"only {fewestHealthy} healthy tasks with minimumHealthyPercent 50 of 4");
        Assert.Equal(4, cloud.TasksOf("api").Count(t => t.TaskDefinitionArn == v2));
    }

    [Fact]
    public async Task With_minimum_100_and_maximum_100_the_deployment_cannot_move_and_says_why()
    {
        var v1 = cloud.Register("api", "registry/api:v1");
        var v2 = cloud.Register("api", "registry/api:v2");
        cloud.CreateService("api", v1, desired: 2, minimumHealthy: 100, maximum: 100);
        await cloud.RunUntilAsync(() => ControlPlane.IsSteady(cloud.Service("api")));

        cloud.Update("api", v2);
        await cloud.RunForAsync(10);

        var service = cloud.Service("api");
        Assert.Equal(2, service.Deployments!.Count);
        Assert.Equal("IN_PROGRESS", service.Deployments[0].RolloutState);
        Assert.All(cloud.TasksOf("api"), t => Assert.Equal(service.Deployments[1].TaskDefinition, t.TaskDefinitionArn));
        Assert.Equal(
            "(service api) was unable to stop or start tasks during a deployment because of the service deployment configuration. Update the minimumHealthyPercent or maximumPercent value and try again.",
            service.Events![0].Message);
    }

    [Fact]
    public async Task A_task_without_a_health_check_is_routed_once_its_port_answers_and_counts_as_healthy_after_the_settle_time()
    {
        var definition = cloud.Register("api", "registry/api:v1", healthCheck: false);
        cloud.Probe.Listening = false;
        var service = cloud.CreateService("api", definition, desired: 1);

        await cloud.RunUntilAsync(() => cloud.TasksOf("api") is [{ LastStatus: "RUNNING" }]);
        await cloud.RunForAsync(15);
        var beforeListening = (cloud.Balancer.TargetsOf(service.ServiceArn!).Count, cloud.Service("api").Deployments![0].RolloutState);
        cloud.Probe.Listening = true;
        await cloud.RunUntilAsync(() => cloud.Balancer.TargetsOf(service.ServiceArn!).Count == 1);
        var routedAt = cloud.Time.GetUtcNow();
        await cloud.RunUntilAsync(() => ControlPlane.IsSteady(cloud.Service("api")));

        Assert.Equal((0, "IN_PROGRESS"), beforeListening);
        Assert.Equal("UNKNOWN", Assert.Single(cloud.TasksOf("api")).HealthStatus);
        Assert.True(cloud.Time.GetUtcNow() - routedAt < cloud.Options.SettleTime, "the settle time counts from RUNNING, not from the first answer");
    }

    [Fact]
    public async Task A_task_without_a_health_check_or_port_settles_after_the_settle_time()
    {
        var definition = cloud.TaskDefinitions.RegisterTaskDefinition(new()
        {
            Family = "worker",
            ContainerDefinitions = [new() { Name = "w", Image = "registry/worker:1" }],
        }).TaskDefinition!.TaskDefinitionArn!;
        cloud.Probe.Listening = false;
        cloud.CreateService("api", definition, desired: 1);

        await cloud.RunUntilAsync(() => cloud.TasksOf("api") is [{ LastStatus: "RUNNING" }]);
        var running = cloud.Time.GetUtcNow();
        await cloud.RunUntilAsync(() => ControlPlane.IsSteady(cloud.Service("api")));

        Assert.True(cloud.Time.GetUtcNow() - running >= cloud.Options.SettleTime);
        Assert.Empty(cloud.Balancer.Listeners);
    }

    [Fact]
    public async Task Scaling_needs_no_deployment_and_stops_the_surplus()
    {
        var definition = cloud.Register("api", "registry/api:v1");
        cloud.CreateService("api", definition, desired: 3);
        await cloud.RunUntilAsync(() => ControlPlane.IsSteady(cloud.Service("api")));
        var deploymentId = cloud.Service("api").Deployments![0].Id;

        cloud.Services.UpdateService(new() { Cluster = ControlPlane.Cluster, Service = "api", DesiredCount = 1 });
        await cloud.RunUntilAsync(() => cloud.TasksOf("api").Count == 1 && ControlPlane.IsSteady(cloud.Service("api")));

        Assert.Equal(deploymentId, Assert.Single(cloud.Service("api").Deployments!).Id);
        Assert.Equal(2, cloud.TasksOf("api", "STOPPED").Count);
    }

    [Fact]
    public async Task Updating_to_the_same_task_definition_makes_no_deployment_unless_forced()
    {
        var definition = cloud.Register("api", "registry/api:v1");
        cloud.CreateService("api", definition, desired: 1);
        await cloud.RunUntilAsync(() => ControlPlane.IsSteady(cloud.Service("api")));

        var same = cloud.Update("api", definition);
        var forced = cloud.Services.UpdateService(new() { Cluster = ControlPlane.Cluster, Service = "api", ForceNewDeployment = true }).Service!;

        Assert.Single(same.Deployments!);
        Assert.Equal(2, forced.Deployments!.Count);
        Assert.Equal(definition, forced.Deployments[0].TaskDefinition);
    }

    [Fact]
    public async Task A_family_without_revision_means_the_latest_ACTIVE_revision()
    {
        cloud.Register("api", "registry/api:v1");
        var v2 = cloud.Register("api", "registry/api:v2");

        var service = cloud.CreateService("api", "api", desired: 1);
        await cloud.StepAsync();

        Assert.Equal(v2, service.TaskDefinition);
        Assert.Equal("registry/api:v2", Assert.Single(cloud.Runtime.Launches).Definition.ContainerDefinitions![0].Image);
    }

    private static string SortTaskIds(string message)
    {
        var ids = TaskIds().Matches(message).Select(m => m.Value).Order().ToList();
        var prefix = message[..message.IndexOf("(task", StringComparison.Ordinal)];
        return prefix + string.Join(' ', ids) + ".";
    }

    [GeneratedRegex(@"^ecs-svc/\d{19}$")]
    private static partial Regex DeploymentId();

    [GeneratedRegex(@"\(task [0-9a-f]{32}\)")]
    private static partial Regex TaskIds();
}
