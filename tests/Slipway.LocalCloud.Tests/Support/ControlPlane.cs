using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;
using Slipway.Aws.Ecs.Model;
using Slipway.LocalCloud.Ecs;
using Slipway.LocalCloud.Scheduling;
using Slipway.LocalCloud.State;
using Task = System.Threading.Tasks.Task;

namespace Slipway.LocalCloud.Tests.Support;

/// <summary>
/// The local cloud's control plane without HTTP: the operations and the scheduler over a state directory, a fake
/// runtime and load balancer, and a fake clock that the test moves. <see cref="Restart"/> builds a new control
/// plane from the same directory, as a restarted process would, with the same (surviving) containers.
/// </summary>
internal sealed class ControlPlane : IDisposable
{
    public const string Cluster = "local";

    private readonly bool ownsDirectory;

    public ControlPlane(string? directory = null, FakeTaskRuntime? runtime = null, FakeTimeProvider? time = null, string? secretsFile = null)
    {
        ownsDirectory = directory is null;
        Directory = directory ?? System.IO.Directory.CreateTempSubdirectory("slipway-localcloud-tests-").FullName;
        Time = time ?? new FakeTimeProvider(new DateTimeOffset(2026, 11, 28, 12, 0, 0, TimeSpan.Zero));
        Runtime = runtime ?? new FakeTaskRuntime();
        Balancer = new FakeLoadBalancer(Runtime);
        Store = StateStore.Open(Directory);
        var wakeup = new Wakeup();
        Clusters = new ClusterOperations(Store, Identity, Time);
        TaskDefinitions = new TaskDefinitionOperations(Store, Identity, Time);
        Services = new ServiceOperations(Store, Identity, Time, wakeup);
        Tasks = new TaskOperations(Store, Identity, Time, wakeup);
        SecretsFile = secretsFile ?? Path.Combine(Directory, "secrets.json");
        Scheduler = new Scheduler(Store, Identity, Runtime, Balancer, new FileSecretSource(SecretsFile), SecretsFile, Time, Options, wakeup, NullLogger<Scheduler>.Instance, Probe);
    }

    public string Directory { get; }

    public string SecretsFile { get; }

    public FakeTimeProvider Time { get; }

    public FakeTaskRuntime Runtime { get; }

    public FakeLoadBalancer Balancer { get; }

    public StateStore Store { get; }

    public CloudIdentity Identity { get; } = new("us-east-1", "127.0.0.1:5000");

    public SchedulerOptions Options { get; } = new();

    /// <summary>The target check of tasks without a container health check.</summary>
    public FakeTargetProbe Probe { get; } = new();

    public ClusterOperations Clusters { get; }

    public TaskDefinitionOperations TaskDefinitions { get; }

    public ServiceOperations Services { get; }

    public TaskOperations Tasks { get; }

    public Scheduler Scheduler { get; }

    /// <summary>A new control plane on the same state directory and engine, as after kill -9 and a restart.</summary>
    public ControlPlane Restart() => new(Directory, Runtime, Time, SecretsFile);

    /// <summary>One tick, and everything it started in the background.</summary>
    public async Task StepAsync()
    {
        await Scheduler.RunOnceAsync(CancellationToken.None);
        await Scheduler.WhenIdleAsync();
    }

    /// <summary>Ticks once a second (moving the clock) until <paramref name="done"/> holds; fails after <paramref name="maxSeconds"/>.</summary>
    public async Task RunUntilAsync(Func<bool> done, int maxSeconds = 120, Action? eachStep = null)
    {
        for (var second = 0; second <= maxSeconds; second++)
        {
            await StepAsync();
            eachStep?.Invoke();
            if (done())
            {
                return;
            }

            Time.Advance(TimeSpan.FromSeconds(1));
        }

        throw new TimeoutException($"Not reached within {maxSeconds} simulated seconds. Events:\n{string.Join("\n", Service("api").Events!.Select(e => e.Message))}");
    }

    /// <summary>Ticks once a second for <paramref name="seconds"/> simulated seconds.</summary>
    public async Task RunForAsync(int seconds, Action? eachStep = null)
    {
        for (var second = 0; second < seconds; second++)
        {
            await StepAsync();
            eachStep?.Invoke();
            Time.Advance(TimeSpan.FromSeconds(1));
        }
    }

    public void CreateCluster() => Clusters.CreateCluster(new CreateClusterRequest { ClusterName = Cluster });

    public string Register(string family, string image, bool healthCheck = true, int port = 8080) =>
        TaskDefinitions.RegisterTaskDefinition(new RegisterTaskDefinitionRequest
        {
            Family = family,
            NetworkMode = "host",
            ContainerDefinitions =
            [
                new ContainerDefinition
                {
                    Name = "app",
                    Image = image,
                    Essential = true,
                    PortMappings = [new PortMapping { ContainerPort = port }],
                    HealthCheck = healthCheck ? new HealthCheck { Command = ["CMD-SHELL", "wget -q -O- http://127.0.0.1:$PORT/health"], Interval = 5 } : null,
                },
            ],
        }).TaskDefinition!.TaskDefinitionArn!;

    public Service CreateService(string name, string taskDefinition, int desired, bool breaker = true, bool rollback = true, int minimumHealthy = 100, int maximum = 200) =>
        Services.CreateService(new CreateServiceRequest
        {
            Cluster = Cluster,
            ServiceName = name,
            TaskDefinition = taskDefinition,
            DesiredCount = desired,
            DeploymentConfiguration = new DeploymentConfiguration
            {
                MinimumHealthyPercent = minimumHealthy,
                MaximumPercent = maximum,
                DeploymentCircuitBreaker = new DeploymentCircuitBreaker { Enable = breaker, Rollback = rollback },
            },
        }).Service!;

    public Service Update(string name, string taskDefinition) =>
        Services.UpdateService(new UpdateServiceRequest { Cluster = Cluster, Service = name, TaskDefinition = taskDefinition }).Service!;

    public Service Service(string name) =>
        Services.DescribeServices(new DescribeServicesRequest { Cluster = Cluster, Services = [name] }).Services!.Single();

    public IReadOnlyList<Aws.Ecs.Model.Task> TasksOf(string service, string desiredStatus = "RUNNING")
    {
        var arns = Tasks.ListTasks(new ListTasksRequest { Cluster = Cluster, ServiceName = service, DesiredStatus = desiredStatus }).TaskArns!;
        return arns.Count == 0 ? [] : [.. Tasks.DescribeTasks(new DescribeTasksRequest { Cluster = Cluster, Tasks = arns }).Tasks!];
    }

    /// <summary>The service's events, oldest first (ECS lists them newest first).</summary>
    public IReadOnlyList<string> EventsOldestFirst(string service) => [.. Service(service).Events!.Select(e => e.Message!).Reverse()];

    public static bool IsSteady(Service service) => service.Deployments!.Count == 1 && service.RunningCount == service.DesiredCount && service.Deployments[0].RolloutState == "COMPLETED";

    public void Dispose()
    {
        Scheduler.Dispose();
        if (ownsDirectory)
        {
            System.IO.Directory.Delete(Directory, recursive: true);
        }
    }
}
