using System.Net;
using Slipway.Aws.Ecs;
using Slipway.Aws.Ecs.Model;
using EcsTask = Slipway.Aws.Ecs.Model.Task;
using Task = System.Threading.Tasks.Task;

namespace Slipway.Aws.Tests.Deployment;

/// <summary>
/// An ECS that answers DescribeServices from a script (one response per look; the last one repeats), lists the stopped
/// tasks the current look makes visible, and records every call: for the rollouts moto cannot simulate.
/// </summary>
internal sealed class ScriptedEcs : IAmazonECS
{
    private readonly List<Func<DescribeServicesRequest, DescribeServicesResponse>> looks = [];
    private readonly List<string> calls = [];

    public IReadOnlyList<string> Calls => calls;

    public List<UpdateServiceRequest> Updates { get; } = [];

    /// <summary>TagResource calls, taken as ECS takes them (a release's marks on its task definition).</summary>
    public List<TagResourceRequest> Tagged { get; } = [];

    /// <summary>The UpdateService response names no deployment, as ECS may before it has started one: the watcher finds ours by task definition and time.</summary>
    public bool UnnamedDeployment { get; set; }

    /// <summary>Stopped tasks, and the look from which each is visible.</summary>
    public List<(int FromLook, EcsTask Task)> StoppedTasks { get; } = [];

    public Dictionary<string, DescribeTaskDefinitionResponse> TaskDefinitions { get; } = [];

    public int Looks { get; private set; }

    /// <summary>What the looks after an UpdateService (a rollback) see, one a look; the last one repeats.</summary>
    public List<Service> AfterUpdate { get; } = [];

    private int looksAtUpdate;

    public ScriptedEcs Then(Service service)
    {
        looks.Add(Answer(service));
        return this;
    }

    private static Func<DescribeServicesRequest, DescribeServicesResponse> Answer(Service service) => _ => new DescribeServicesResponse { Services = [service], Failures = [] };

    public ScriptedEcs ThenThrottled() =>
        ThenFailing(new ThrottlingException(new AwsErrorDetails("ThrottlingException", "Rate exceeded", HttpStatusCode.BadRequest, Operation: "ECS DescribeServices")));

    public ScriptedEcs ThenFailing(Exception error)
    {
        looks.Add(_ => throw error);
        return this;
    }

    /// <summary>A look answered as ECS answers for a service that does not exist: no service, a MISSING failure.</summary>
    public ScriptedEcs ThenMissing()
    {
        looks.Add(request => new DescribeServicesResponse { Services = [], Failures = [new Failure { Arn = request.Services![0], Reason = "MISSING" }] });
        return this;
    }

    public Task<DescribeServicesResponse> DescribeServicesAsync(DescribeServicesRequest request, CancellationToken cancellationToken = default)
    {
        calls.Add("DescribeServices");
        var look = Updates.Count > 0 && AfterUpdate.Count > 0
            ? Answer(AfterUpdate[Math.Min(Looks - looksAtUpdate, AfterUpdate.Count - 1)])
            : looks[Math.Min(Looks, looks.Count - 1)];
        Looks++;
        return Task.FromResult(look(request));
    }

    public Task<ListTasksResponse> ListTasksAsync(ListTasksRequest request, CancellationToken cancellationToken = default)
    {
        calls.Add("ListTasks");
        Assert.Equal(DesiredStatus.Stopped, request.DesiredStatus);
        return Task.FromResult(new ListTasksResponse { TaskArns = [.. StoppedTasks.Where(s => s.FromLook <= Looks).Select(s => s.Task.TaskArn!)] });
    }

    public Task<DescribeTasksResponse> DescribeTasksAsync(DescribeTasksRequest request, CancellationToken cancellationToken = default)
    {
        calls.Add("DescribeTasks");
        return Task.FromResult(new DescribeTasksResponse { Tasks = [.. StoppedTasks.Select(s => s.Task).Where(t => request.Tasks!.Contains(t.TaskArn!))], Failures = [] });
    }

    public Task<UpdateServiceResponse> UpdateServiceAsync(UpdateServiceRequest request, CancellationToken cancellationToken = default)
    {
        calls.Add("UpdateService");
        Updates.Add(request);
        looksAtUpdate = Looks;
        return Task.FromResult(new UpdateServiceResponse
        {
            Service = new Service
            {
                ServiceName = request.Service,
                TaskDefinition = request.TaskDefinition,
                Deployments = UnnamedDeployment ? [] : [EcsShapes.Rollout("ecs-svc/9000000000000000009", "PRIMARY", request.TaskDefinition!, DeploymentRolloutState.InProgress, 0, 2)],
            },
        });
    }

    public Task<DescribeTaskDefinitionResponse> DescribeTaskDefinitionAsync(DescribeTaskDefinitionRequest request, CancellationToken cancellationToken = default)
    {
        calls.Add("DescribeTaskDefinition");
        return TaskDefinitions.TryGetValue(request.TaskDefinition!, out var found)
            ? Task.FromResult(found)
            : throw new ClientException(new AwsErrorDetails("ClientException", "Unable to describe task definition.", HttpStatusCode.BadRequest));
    }

    public void Dispose()
    {
    }

    public Task<CreateClusterResponse> CreateClusterAsync(CreateClusterRequest request, CancellationToken cancellationToken = default) => throw Unexpected();

    public Task<DescribeClustersResponse> DescribeClustersAsync(DescribeClustersRequest request, CancellationToken cancellationToken = default) => throw Unexpected();

    public Task<RegisterTaskDefinitionResponse> RegisterTaskDefinitionAsync(RegisterTaskDefinitionRequest request, CancellationToken cancellationToken = default) => throw Unexpected();

    public Task<ListTaskDefinitionsResponse> ListTaskDefinitionsAsync(ListTaskDefinitionsRequest request, CancellationToken cancellationToken = default) => throw Unexpected();

    public Task<DeregisterTaskDefinitionResponse> DeregisterTaskDefinitionAsync(DeregisterTaskDefinitionRequest request, CancellationToken cancellationToken = default) => throw Unexpected();

    public Task<CreateServiceResponse> CreateServiceAsync(CreateServiceRequest request, CancellationToken cancellationToken = default) => throw Unexpected();

    public Task<RunTaskResponse> RunTaskAsync(RunTaskRequest request, CancellationToken cancellationToken = default) => throw Unexpected();

    public Task<StopTaskResponse> StopTaskAsync(StopTaskRequest request, CancellationToken cancellationToken = default) => throw Unexpected();

    public Task<TagResourceResponse> TagResourceAsync(TagResourceRequest request, CancellationToken cancellationToken = default)
    {
        calls.Add("TagResource");
        Tagged.Add(request);
        return Task.FromResult(new TagResourceResponse());
    }

    public Task<ListTagsForResourceResponse> ListTagsForResourceAsync(ListTagsForResourceRequest request, CancellationToken cancellationToken = default) => throw Unexpected();

    public Task<DeleteClusterResponse> DeleteClusterAsync(DeleteClusterRequest request, CancellationToken cancellationToken = default) => throw Unexpected();

    public Task<DeleteServiceResponse> DeleteServiceAsync(DeleteServiceRequest request, CancellationToken cancellationToken = default) => throw Unexpected();

    public Task<ListServicesResponse> ListServicesAsync(ListServicesRequest request, CancellationToken cancellationToken = default) => throw Unexpected();

    public Task<ListTaskDefinitionFamiliesResponse> ListTaskDefinitionFamiliesAsync(ListTaskDefinitionFamiliesRequest request, CancellationToken cancellationToken = default) => throw Unexpected();

    public Task<UntagResourceResponse> UntagResourceAsync(UntagResourceRequest request, CancellationToken cancellationToken = default) => throw Unexpected();

    private static InvalidOperationException Unexpected([System.Runtime.CompilerServices.CallerMemberName] string operation = "") =>
        new($"the watcher must not call {operation}");
}
