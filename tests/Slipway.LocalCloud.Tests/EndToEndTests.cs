using System.Diagnostics;
using Slipway.Aws.Ecs;
using Slipway.Aws.Ecs.Model;
using Slipway.LocalCloud.Tests.Support;
using Task = System.Threading.Tasks.Task;

namespace Slipway.LocalCloud.Tests;

/// <summary>The local cloud running real containers: rolling deploys without a failed request, a broken release rolled back, a restart.</summary>
/// <remarks>
/// Left out of the mutation run (src/Slipway.LocalCloud/stryker-config.json, test-case-filter) for time only: it does see
/// mutated code, but it takes minutes a run and covers most of the scheduler, so running it per mutant does not fit.
/// </remarks>
[Collection(UsesEngineCloud.Name)]
public sealed class EndToEndTests(EngineCloud cloud)
{
    [Fact]
    public async Task A_rolling_deploy_replaces_the_task_without_one_failed_request_and_a_broken_release_is_rolled_back_with_its_exit_code()
    {
        using var ecs = cloud.Ecs();
        var name = $"e2e{Guid.NewGuid():N}"[..12];
        var port = EngineCloud.FreePort();
        await ecs.CreateClusterAsync(new CreateClusterRequest { ClusterName = name });
        var v1 = (await ecs.RegisterTaskDefinitionAsync(cloud.WebServer(name, "v1", port))).TaskDefinition!.TaskDefinitionArn!;
        var v2 = (await ecs.RegisterTaskDefinitionAsync(cloud.WebServer(name, "v2", port))).TaskDefinition!.TaskDefinitionArn!;
        var broken = (await ecs.RegisterTaskDefinitionAsync(cloud.WebServer(name, "v3", port, exitAtStart: true))).TaskDefinition!.TaskDefinitionArn!;
        await ecs.CreateServiceAsync(new CreateServiceRequest
        {
            Cluster = name,
            ServiceName = "web",
            TaskDefinition = v1,
            DesiredCount = 1,
            DeploymentConfiguration = new DeploymentConfiguration { DeploymentCircuitBreaker = new DeploymentCircuitBreaker { Enable = true, Rollback = true } },
        });
        await WaitForAsync(ecs, name, s => IsSteadyOn(s, v1));
        var firstTask = (await ecs.ListTasksAsync(new ListTasksRequest { Cluster = name, ServiceName = "web" })).TaskArns!.Single();

        using var poller = new Poller($"http://127.0.0.1:{port}/health");
        await ecs.UpdateServiceAsync(new UpdateServiceRequest { Cluster = name, Service = "web", TaskDefinition = v2 });
        await WaitForAsync(ecs, name, s => IsSteadyOn(s, v2));
        await Task.Delay(300);
        var rolled = await poller.StopAsync();

        Assert.True(rolled.Failures == 0, $"{rolled.Failures} of {rolled.Requests} requests failed during the rolling deploy: {rolled.FirstFailure}");
        Assert.True(rolled.Requests > 20, $"only {rolled.Requests} requests");
        Assert.Equal("v2", rolled.LastBody.Trim());
        Assert.Contains("v1", rolled.Bodies);
        var old = (await ecs.DescribeTasksAsync(new DescribeTasksRequest { Cluster = name, Tasks = [firstTask] })).Tasks!.Single();
        Assert.Equal(("STOPPED", "ServiceSchedulerInitiated"), (old.LastStatus, old.StopCode));
        Assert.DoesNotContain(firstTask[^32..], await cloud.Runtime.ListTaskIdsAsync(CancellationToken.None));

        using var brokenPoller = new Poller($"http://127.0.0.1:{port}/health");
        var started = Stopwatch.StartNew();
        var failedId = (await ecs.UpdateServiceAsync(new UpdateServiceRequest { Cluster = name, Service = "web", TaskDefinition = broken })).Service!.Deployments![0].Id;
        var afterRollback = await WaitForAsync(ecs, name, s => IsSteadyOn(s, v2) && s.Events!.Any(e => e.Message!.Contains("rolling back", StringComparison.Ordinal)), TimeSpan.FromMinutes(2));
        var during = await brokenPoller.StopAsync();

        Assert.Contains($"(service web) (deployment {failedId}) deployment failed: tasks failed to start.", afterRollback.Events!.Select(e => e.Message));
        var stoppedArns = (await ecs.ListTasksAsync(new ListTasksRequest { Cluster = name, ServiceName = "web", DesiredStatus = "STOPPED" })).TaskArns!;
        var crashed = (await ecs.DescribeTasksAsync(new DescribeTasksRequest { Cluster = name, Tasks = stoppedArns })).Tasks!.Where(t => t.TaskDefinitionArn == broken).ToList();
        Assert.Equal(3, crashed.Count);
        Assert.All(crashed, t => Assert.Equal(("EssentialContainerExited", "Essential container in task exited", 3), (t.StopCode, t.StoppedReason, t.Containers![0].ExitCode)));
        Assert.True(during.Failures == 0, $"{during.Failures} of {during.Requests} requests failed while the broken release was tried: {during.FirstFailure}");
        Assert.True(started.Elapsed < TimeSpan.FromMinutes(1), $"the breaker took {started.Elapsed}");
    }

    [Fact]
    public async Task A_slow_starting_server_without_a_health_check_gets_requests_only_once_it_listens()
    {
        using var ecs = cloud.Ecs();
        var name = $"slow{Guid.NewGuid():N}"[..12];
        var port = EngineCloud.FreePort();
        await ecs.CreateClusterAsync(new CreateClusterRequest { ClusterName = name });
        var v1 = (await ecs.RegisterTaskDefinitionAsync(cloud.WebServer(name, "v1", port, healthCheck: false))).TaskDefinition!.TaskDefinitionArn!;
        var v2 = (await ecs.RegisterTaskDefinitionAsync(cloud.WebServer(name, "v2", port, healthCheck: false, startDelaySeconds: 3))).TaskDefinition!.TaskDefinitionArn!;
        await ecs.CreateServiceAsync(new CreateServiceRequest { Cluster = name, ServiceName = "web", TaskDefinition = v1, DesiredCount = 1 });
        await WaitForAsync(ecs, name, s => IsSteadyOn(s, v1));

        using var poller = new Poller($"http://127.0.0.1:{port}/health");
        await ecs.UpdateServiceAsync(new UpdateServiceRequest { Cluster = name, Service = "web", TaskDefinition = v2 });
        await WaitForAsync(ecs, name, s => IsSteadyOn(s, v2));
        await Task.Delay(300);
        var result = await poller.StopAsync();

        Assert.True(result.Failures == 0, $"{result.Failures} of {result.Requests} requests failed: {result.FirstFailure}");
        Assert.Equal(["v1", "v2"], result.Bodies.Order());
    }

    [Fact]
    public async Task A_stopped_and_restarted_local_cloud_finds_its_running_tasks_and_serves_again_without_starting_any()
    {
        using (var ecs = cloud.Ecs())
        {
            var name = $"rst{Guid.NewGuid():N}"[..12];
            var port = EngineCloud.FreePort();
            await ecs.CreateClusterAsync(new CreateClusterRequest { ClusterName = name });
            var v1 = (await ecs.RegisterTaskDefinitionAsync(cloud.WebServer(name, "v1", port))).TaskDefinition!.TaskDefinitionArn!;
            await ecs.CreateServiceAsync(new CreateServiceRequest { Cluster = name, ServiceName = "web", TaskDefinition = v1, DesiredCount = 1 });
            await WaitForAsync(ecs, name, s => IsSteadyOn(s, v1));
            var task = (await ecs.ListTasksAsync(new ListTasksRequest { Cluster = name, ServiceName = "web" })).TaskArns!.Single();

            await cloud.StopAsync();
            var whileDown = await cloud.Runtime.ListTaskIdsAsync(CancellationToken.None);
            await cloud.StartAsync();

            using var again = cloud.Ecs();
            using var http = new HttpClient();
            var deadline = DateTime.UtcNow.AddSeconds(30);
            string? body = null;
            while (body is null && DateTime.UtcNow < deadline)
            {
                try
                {
                    body = await http.GetStringAsync(new Uri($"http://127.0.0.1:{port}/health"));
                }
                catch (HttpRequestException)
                {
                    await Task.Delay(100);
                }
            }

            var service = (await again.DescribeServicesAsync(new DescribeServicesRequest { Cluster = name, Services = ["web"] })).Services![0];
            Assert.Contains(task[^32..], whileDown);
            Assert.Equal("v1", body?.Trim());
            Assert.Equal([task], (await again.ListTasksAsync(new ListTasksRequest { Cluster = name, ServiceName = "web" })).TaskArns!);
            Assert.True(IsSteadyOn(service, v1));
        }
    }

    private static bool IsSteadyOn(Service service, string taskDefinition)
        => service.Deployments!.Count == 1 && service.Deployments[0].RolloutState == "COMPLETED" && service.Deployments[0].TaskDefinition == taskDefinition
            && service.RunningCount == service.DesiredCount;

    private static async Task<Service> WaitForAsync(AmazonECSClient ecs, string cluster, Func<Service, bool> done, TimeSpan? timeout = null)
    {
        var deadline = DateTime.UtcNow + (timeout ?? TimeSpan.FromSeconds(90));
        while (true)
        {
            var service = (await ecs.DescribeServicesAsync(new DescribeServicesRequest { Cluster = cluster, Services = ["web"] })).Services![0];
            if (done(service))
            {
                return service;
            }

            Assert.True(DateTime.UtcNow < deadline, $"not reached in time; events:\n{string.Join("\n", service.Events!.Select(e => e.Message))}");
            await Task.Delay(250);
        }
    }

    /// <summary>GETs a URL every 50 ms and counts what did not answer 200.</summary>
    private sealed class Poller : IDisposable
    {
        private readonly CancellationTokenSource stop = new();
        private readonly Task<Result> running;

        public Poller(string url) => running = Task.Run(() => PollAsync(new Uri(url), stop.Token));

        public async Task<Result> StopAsync()
        {
            await stop.CancelAsync();
            return await running;
        }

        public void Dispose() => stop.Dispose();

        private static async Task<Result> PollAsync(Uri url, CancellationToken ct)
        {
            using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(5) };
            var result = new Result();
            while (!ct.IsCancellationRequested)
            {
                result.Requests++;
                try
                {
                    using var response = await http.GetAsync(url, CancellationToken.None);
                    var body = await response.Content.ReadAsStringAsync(CancellationToken.None);
                    if (response.IsSuccessStatusCode)
                    {
                        result.LastBody = body;
                        result.Bodies.Add(body.Trim());
                    }
                    else
                    {
                        result.Failures++;
                        result.FirstFailure ??= $"{(int)response.StatusCode} {body}";
                    }
                }
                catch (HttpRequestException e)
                {
                    result.Failures++;
                    result.FirstFailure ??= e.Message;
                }

                try
                {
                    await Task.Delay(50, ct);
                }
                catch (OperationCanceledException)
                {
                    break;
                }
            }

            return result;
        }
    }

    private sealed class Result
    {
        public int Requests { get; set; }

        public int Failures { get; set; }

        public string? FirstFailure { get; set; }

        public string LastBody { get; set; } = "";

        public HashSet<string> Bodies { get; } = [];
    }
}
