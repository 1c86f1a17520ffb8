using Slipway.Aws.Ecs.Model;
using Slipway.LocalCloud.State;
using Slipway.LocalCloud.Tests.Support;
using Task = System.Threading.Tasks.Task;

namespace Slipway.LocalCloud.Tests;

/// <summary>State on disk: a new process on the same directory loses nothing and reconciles with the engine.</summary>
public sealed class RestartTests : IDisposable
{
    private readonly ControlPlane cloud = new();

    public RestartTests() => cloud.CreateCluster();

    public void Dispose() => cloud.Dispose();

    [Fact]
    public async Task A_restart_finds_the_steady_service_and_its_running_tasks_and_starts_nothing()
    {
        var definition = cloud.Register("api", "registry/api:v1");
        cloud.TaskDefinitions.RegisterTaskDefinition(new RegisterTaskDefinitionRequest
        {
            Family = "worker",
            Tags = [new Tag { Key = "slipway:version", Value = "1.2.3" }],
            ContainerDefinitions = [new ContainerDefinition { Name = "w", Image = "registry/worker:1" }],
        });
        cloud.CreateService("api", definition, desired: 2);
        await cloud.RunUntilAsync(() => ControlPlane.IsSteady(cloud.Service("api")));
        var before = cloud.Service("api");
        var tasksBefore = cloud.TasksOf("api");
        var launches = cloud.Runtime.Launches.Count;

        using var restarted = cloud.Restart();
        await restarted.Scheduler.RecoverAsync(CancellationToken.None);
        await restarted.RunForAsync(5);

        var after = restarted.Service("api");
        Assert.Equal(before.Deployments![0].Id, Assert.Single(after.Deployments!).Id);
        Assert.Equal(before.Events!.Select(e => e.Id), after.Events!.Select(e => e.Id));
        Assert.Equal(tasksBefore.Select(t => (t.TaskArn, t.Version)).Order(), restarted.TasksOf("api").Select(t => (t.TaskArn, t.Version)).Order());
        Assert.Equal(launches, cloud.Runtime.Launches.Count);
        Assert.Equal(2, restarted.Balancer.TargetsOf(after.ServiceArn!).Count);
        Assert.Equal(8080, restarted.Balancer.Listeners[after.ServiceArn!]);
        var worker = restarted.TaskDefinitions.DescribeTaskDefinition(new DescribeTaskDefinitionRequest { TaskDefinition = "worker", Include = ["TAGS"] });
        Assert.Equal("1.2.3", Assert.Single(worker.Tags!).Value);
    }

    [Fact]
    public async Task A_restart_in_the_middle_of_a_rollout_finishes_it()
    {
        var v1 = cloud.Register("api", "registry/api:v1");
        var v2 = cloud.Register("api", "registry/api:v2");
        cloud.CreateService("api", v1, desired: 1);
        await cloud.RunUntilAsync(() => ControlPlane.IsSteady(cloud.Service("api")));
        var newId = cloud.Update("api", v2).Deployments![0].Id;
        await cloud.StepAsync();
        Assert.Equal(2, cloud.TasksOf("api").Count);

        using var restarted = cloud.Restart();
        await restarted.Scheduler.RecoverAsync(CancellationToken.None);
        await restarted.RunUntilAsync(() => ControlPlane.IsSteady(restarted.Service("api")) && restarted.Service("api").TaskDefinition == v2);

        var deployment = Assert.Single(restarted.Service("api").Deployments!);
        Assert.Equal((newId, "COMPLETED"), (deployment.Id, deployment.RolloutState));
        Assert.Equal(v2, Assert.Single(restarted.TasksOf("api")).TaskDefinitionArn);
        Assert.Equal(restarted.TasksOf("api").Select(t => t.TaskArn![^32..]), cloud.Runtime.RunningTaskIds);
    }

    [Fact]
    public async Task A_task_whose_containers_vanished_while_down_is_STOPPED_and_replaced()
    {
        var definition = cloud.Register("api", "registry/api:v1");
        cloud.CreateService("api", definition, desired: 1);
        await cloud.RunUntilAsync(() => ControlPlane.IsSteady(cloud.Service("api")));
        var lost = Assert.Single(cloud.TasksOf("api")).TaskArn!;
        cloud.Runtime.Remove(lost[^32..]);

        using var restarted = cloud.Restart();
        await restarted.Scheduler.RecoverAsync(CancellationToken.None);
        await restarted.RunUntilAsync(() => ControlPlane.IsSteady(restarted.Service("api")));

        var stopped = Assert.Single(restarted.TasksOf("api", "STOPPED"));
        Assert.Equal((lost, "STOPPED", "Task stopped: its containers were removed while the local cloud was not running"), (stopped.TaskArn, stopped.LastStatus, stopped.StoppedReason));
        Assert.NotEqual(lost, Assert.Single(restarted.TasksOf("api")).TaskArn);
    }

    [Fact]
    public void The_state_file_is_replaced_whole_and_a_corrupt_one_is_refused_with_the_way_out()
    {
        cloud.Register("api", "registry/api:v1");
        var path = Path.Combine(cloud.Directory, StateStore.FileName);
        Assert.True(File.Exists(path));
        Assert.False(File.Exists(path + ".tmp"));

        File.WriteAllText(path, "{ not json");
        var error = Assert.Throws<InvalidDataException>(() => StateStore.Open(cloud.Directory));

        Assert.Contains(path, error.Message, StringComparison.Ordinal);
        Assert.Contains("Move it away", error.Message, StringComparison.Ordinal);
    }
}
