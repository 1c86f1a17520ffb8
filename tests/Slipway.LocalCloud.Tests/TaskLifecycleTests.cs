using Slipway.Aws.Ecs.Model;
using Slipway.LocalCloud.Protocol;
using Slipway.LocalCloud.Tests.Support;
using Task = System.Threading.Tasks.Task;

namespace Slipway.LocalCloud.Tests;

/// <summary>Tasks as ECS shows them (ecs-behaviour.md §4): statuses, stop codes, health, RunTask/StopTask, retention.</summary>
public sealed class TaskLifecycleTests : IDisposable
{
    private readonly ControlPlane cloud = new();

    public TaskLifecycleTests() => cloud.CreateCluster();

    public void Dispose() => cloud.Dispose();

    [Fact]
    public async Task StopTask_stops_a_service_task_as_the_user_asked_and_the_service_replaces_it()
    {
        var definition = cloud.Register("api", "registry/api:v1");
        cloud.CreateService("api", definition, desired: 1);
        await cloud.RunUntilAsync(() => ControlPlane.IsSteady(cloud.Service("api")));
        var victim = Assert.Single(cloud.TasksOf("api")).TaskArn;

        var answer = cloud.Tasks.StopTask(new StopTaskRequest { Cluster = ControlPlane.Cluster, Task = victim, Reason = "testing" }).Task!;
        await cloud.RunUntilAsync(() => cloud.TasksOf("api").Count == 1 && cloud.TasksOf("api")[0].TaskArn != victim && ControlPlane.IsSteady(cloud.Service("api")));

        Assert.Equal(("STOPPED", "RUNNING", "UserInitiated", "testing"), (answer.DesiredStatus, answer.LastStatus, answer.StopCode, answer.StoppedReason));
        var stopped = Assert.Single(cloud.TasksOf("api", "STOPPED"));
        Assert.Equal(("STOPPED", "UserInitiated", "testing", 143), (stopped.LastStatus, stopped.StopCode, stopped.StoppedReason, stopped.Containers![0].ExitCode));
        Assert.NotNull(stopped.StoppedAt);
        Assert.True(stopped.Version > answer.Version);
    }

    [Fact]
    public async Task A_container_that_turns_unhealthy_is_replaced_with_ECS_events()
    {
        var unhealthy = cloud.Register("api", "registry/api:unhealthy");
        var service = cloud.CreateService("api", unhealthy, desired: 1, breaker: false);

        await cloud.RunUntilAsync(() => cloud.TasksOf("api", "STOPPED").Count >= 1 && cloud.Service("api").Events!.Count >= 3);

        var stopped = cloud.TasksOf("api", "STOPPED")[0];
        Assert.Equal(("UNHEALTHY", "Task failed container health checks"), (stopped.HealthStatus, stopped.StoppedReason));
        var events = cloud.EventsOldestFirst("api");
        Assert.Equal($"(service api) (task {stopped.TaskArn![^32..]}) failed container health checks.", events[1]);
        Assert.Matches(@"^\(service api\) has started 1 tasks: \(task [0-9a-f]{32}\)\. Amazon ECS replaced 1 tasks due to an unhealthy status\.$", events[2]);
        Assert.Empty(cloud.Balancer.TargetsOf(service.ServiceArn!));
    }

    [Fact]
    public async Task A_task_whose_essential_container_exits_after_it_settled_stops_with_the_exit_code_and_is_replaced_without_tripping_the_breaker()
    {
        var definition = cloud.Register("api", "registry/api:v1");
        cloud.CreateService("api", definition, desired: 1);
        await cloud.RunUntilAsync(() => ControlPlane.IsSteady(cloud.Service("api")));
        var task = Assert.Single(cloud.TasksOf("api")).TaskArn!;

        cloud.Runtime.Exit(task[^32..], 139);
        await cloud.RunUntilAsync(() => cloud.TasksOf("api").Count == 1 && ControlPlane.IsSteady(cloud.Service("api")) && cloud.TasksOf("api")[0].TaskArn != task);

        var stopped = Assert.Single(cloud.TasksOf("api", "STOPPED"));
        Assert.Equal(("EssentialContainerExited", "Essential container in task exited", 139), (stopped.StopCode, stopped.StoppedReason, stopped.Containers![0].ExitCode));
        Assert.Equal(("COMPLETED", 0), (cloud.Service("api").Deployments![0].RolloutState, cloud.Service("api").Deployments![0].FailedTasks));
    }

    [Fact]
    public async Task RunTask_starts_standalone_tasks_in_the_family_group_and_a_failed_pull_stops_them_as_TaskFailedToStart()
    {
        var good = cloud.Register("job", "registry/job:1");
        var missing = cloud.Register("job", "registry/job:nopull");

        var run = cloud.Tasks.RunTask(new RunTaskRequest { Cluster = ControlPlane.Cluster, TaskDefinition = good, Count = 2, StartedBy = "me" });
        var failed = cloud.Tasks.RunTask(new RunTaskRequest { Cluster = ControlPlane.Cluster, TaskDefinition = missing });
        await cloud.RunForAsync(3);

        Assert.All(run.Tasks!, t => Assert.Equal(("PROVISIONING", "RUNNING", "family:job", "me"), (t.LastStatus, t.DesiredStatus, t.Group, t.StartedBy)));
        var running = cloud.Tasks.DescribeTasks(new DescribeTasksRequest { Cluster = ControlPlane.Cluster, Tasks = [.. run.Tasks!.Select(t => t.TaskArn!)] }).Tasks!;
        Assert.All(running, t => Assert.Equal("RUNNING", t.LastStatus));
        Assert.All(running, t => Assert.NotNull(t.StartedAt));
        var stopped = cloud.Tasks.DescribeTasks(new DescribeTasksRequest { Cluster = ControlPlane.Cluster, Tasks = [failed.Tasks![0].TaskArn!] }).Tasks!.Single();
        Assert.Equal(("STOPPED", "TaskFailedToStart"), (stopped.LastStatus, stopped.StopCode));
        Assert.StartsWith("CannotPullContainerError:", stopped.StoppedReason, StringComparison.Ordinal);
        var listed = cloud.Tasks.ListTasks(new ListTasksRequest { Cluster = ControlPlane.Cluster, StartedBy = "me" }).TaskArns!;
        Assert.Equal(run.Tasks!.Select(t => t.TaskArn).Order(), listed.Order());
        Assert.Single(cloud.Tasks.ListTasks(new ListTasksRequest { Cluster = ControlPlane.Cluster, DesiredStatus = "STOPPED", Family = "job" }).TaskArns!);
    }

    [Fact]
    public async Task Stopped_tasks_stay_visible_for_an_hour_then_DescribeTasks_reports_them_MISSING()
    {
        var definition = cloud.Register("job", "registry/job:1");
        var arn = cloud.Tasks.RunTask(new RunTaskRequest { Cluster = ControlPlane.Cluster, TaskDefinition = definition }).Tasks![0].TaskArn!;
        await cloud.StepAsync();
        cloud.Tasks.StopTask(new StopTaskRequest { Cluster = ControlPlane.Cluster, Task = arn });
        await cloud.StepAsync();

        cloud.Time.Advance(TimeSpan.FromMinutes(59));
        await cloud.StepAsync();
        var stillThere = cloud.Tasks.DescribeTasks(new DescribeTasksRequest { Cluster = ControlPlane.Cluster, Tasks = [arn] });
        cloud.Time.Advance(TimeSpan.FromMinutes(2));
        await cloud.StepAsync();
        var gone = cloud.Tasks.DescribeTasks(new DescribeTasksRequest { Cluster = ControlPlane.Cluster, Tasks = [arn] });

        Assert.Equal("STOPPED", Assert.Single(stillThere.Tasks!).LastStatus);
        Assert.Empty(gone.Tasks!);
        Assert.Equal((arn, "MISSING"), (Assert.Single(gone.Failures!).Arn, gone.Failures![0].Reason));
    }

    [Fact]
    public async Task Secrets_come_from_the_secrets_file_and_a_missing_one_fails_the_start_naming_the_file()
    {
        File.WriteAllText(cloud.SecretsFile, """{"arn:aws:ssm:us-east-1:000000000000:parameter/db": "s3cret"}""");
        var request = new RegisterTaskDefinitionRequest
        {
            Family = "job",
            ContainerDefinitions =
            [
                new ContainerDefinition
                {
                    Name = "app",
                    Image = "registry/job:1",
                    Secrets = [new Secret { Name = "DB", ValueFrom = "arn:aws:ssm:us-east-1:000000000000:parameter/db" }],
                },
            ],
        };
        var withSecret = cloud.TaskDefinitions.RegisterTaskDefinition(request).TaskDefinition!.TaskDefinitionArn;
        request.ContainerDefinitions[0].Secrets = [new Secret { Name = "KEY", ValueFrom = "arn:aws:ssm:us-east-1:000000000000:parameter/missing" }];
        var withMissing = cloud.TaskDefinitions.RegisterTaskDefinition(request).TaskDefinition!.TaskDefinitionArn;

        cloud.Tasks.RunTask(new RunTaskRequest { Cluster = ControlPlane.Cluster, TaskDefinition = withSecret });
        var failed = cloud.Tasks.RunTask(new RunTaskRequest { Cluster = ControlPlane.Cluster, TaskDefinition = withMissing }).Tasks![0].TaskArn!;
        await cloud.RunForAsync(2);

        Assert.Equal("s3cret", Assert.Single(cloud.Runtime.Launches).SecretValues["arn:aws:ssm:us-east-1:000000000000:parameter/db"]);
        var stopped = cloud.Tasks.DescribeTasks(new DescribeTasksRequest { Cluster = ControlPlane.Cluster, Tasks = [failed] }).Tasks!.Single();
        Assert.Equal("TaskFailedToStart", stopped.StopCode);
        Assert.StartsWith("ResourceInitializationError: unable to pull secrets or registry auth:", stopped.StoppedReason, StringComparison.Ordinal);
        Assert.Contains(cloud.SecretsFile, stopped.StoppedReason, StringComparison.Ordinal);
        Assert.DoesNotContain("s3cret", File.ReadAllText(Path.Combine(cloud.Directory, "state.json")), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Events_keep_the_100_latest_newest_first()
    {
        var definition = cloud.Register("api", "registry/api:v1");
        cloud.CreateService("api", definition, desired: 1, breaker: false);
        await cloud.RunUntilAsync(() => ControlPlane.IsSteady(cloud.Service("api")));

        for (var i = 0; i < 60; i++)
        {
            cloud.Services.UpdateService(new UpdateServiceRequest { Cluster = ControlPlane.Cluster, Service = "api", ForceNewDeployment = true });
            await cloud.RunUntilAsync(() => ControlPlane.IsSteady(cloud.Service("api")));
        }

        var events = cloud.Service("api").Events!;
        Assert.Equal(100, events.Count);
        Assert.Equal(events.Select(e => e.CreatedAt).OrderDescending(), events.Select(e => e.CreatedAt));
        Assert.Equal("(service api) has reached a steady state.", events[0].Message);
    }

    [Fact]
    public void Missing_things_answer_with_ECS_errors()
    {
        var cluster = Assert.Throws<ApiError>(() => cloud.Services.DescribeServices(new DescribeServicesRequest { Cluster = "nope", Services = ["api"] }));
        var service = Assert.Throws<ApiError>(() => cloud.Services.UpdateService(new UpdateServiceRequest { Cluster = ControlPlane.Cluster, Service = "nope", DesiredCount = 1 }));
        var definition = Assert.Throws<ApiError>(() => cloud.CreateService("api", "nope:1", desired: 1));
        var describe = Assert.Throws<ApiError>(() => cloud.TaskDefinitions.DescribeTaskDefinition(new DescribeTaskDefinitionRequest { TaskDefinition = "nope" }));
        var missing = cloud.Services.DescribeServices(new DescribeServicesRequest { Cluster = ControlPlane.Cluster, Services = ["nope"] });

        Assert.Equal(("ClusterNotFoundException", "Cluster not found.", 400), (cluster.Code, cluster.Message, cluster.Status));
        Assert.Equal(("ServiceNotFoundException", ""), (service.Code, service.Message));
        Assert.Equal(("ClientException", "TaskDefinition not found."), (definition.Code, definition.Message));
        Assert.Equal(("ClientException", "Unable to describe task definition."), (describe.Code, describe.Message));
        Assert.Equal(("arn:aws:ecs:us-east-1:000000000000:service/local/nope", "MISSING"), (missing.Failures![0].Arn, missing.Failures[0].Reason));
    }
}
