using Slipway.Aws.Ecs;
using Slipway.Aws.Ecs.Model;
using Task = System.Threading.Tasks.Task;

namespace Slipway.Aws.Tests.Deployment;

/// <summary>
/// A <see cref="ScriptedEcs"/> that also takes tags, as ECS does for a task definition, can answer an UpdateService
/// with no deployment yet, as ECS may before it has started one, and can fail its first looks with given errors.
/// </summary>
internal sealed class ScriptedEcsPlus(ScriptedEcs inner) : IAmazonECS
{
    /// <summary>Errors the first DescribeServices calls throw, one a call; the script answers the calls after them.</summary>
    public Queue<Exception> FailingLooks { get; } = new();

    public List<TagResourceRequest> Tagged { get; } = [];

    /// <summary>The UpdateService response names no deployment: the watcher finds ours by task definition and time.</summary>
    public bool UnnamedDeployment { get; init; }

    public Task<TagResourceResponse> TagResourceAsync(TagResourceRequest request, CancellationToken cancellationToken = default)
    {
        Tagged.Add(request);
        return Task.FromResult(new TagResourceResponse());
    }

    public async Task<UpdateServiceResponse> UpdateServiceAsync(UpdateServiceRequest request, CancellationToken cancellationToken = default)
    {
        var response = await inner.UpdateServiceAsync(request, cancellationToken);
        if (UnnamedDeployment)
        {
            response.Service!.Deployments = [];
        }

        return response;
    }

    public Task<CreateClusterResponse> CreateClusterAsync(CreateClusterRequest request, CancellationToken cancellationToken = default) => inner.CreateClusterAsync(request, cancellationToken);

    public Task<DescribeClustersResponse> DescribeClustersAsync(DescribeClustersRequest request, CancellationToken cancellationToken = default) => inner.DescribeClustersAsync(request, cancellationToken);

    public Task<DeleteClusterResponse> DeleteClusterAsync(DeleteClusterRequest request, CancellationToken cancellationToken = default) => inner.DeleteClusterAsync(request, cancellationToken);

    public Task<RegisterTaskDefinitionResponse> RegisterTaskDefinitionAsync(RegisterTaskDefinitionRequest request, CancellationToken cancellationToken = default) => inner.RegisterTaskDefinitionAsync(request, cancellationToken);

    public Task<DescribeTaskDefinitionResponse> DescribeTaskDefinitionAsync(DescribeTaskDefinitionRequest request, CancellationToken cancellationToken = default) => inner.DescribeTaskDefinitionAsync(request, cancellationToken);

    public Task<ListTaskDefinitionsResponse> ListTaskDefinitionsAsync(ListTaskDefinitionsRequest request, CancellationToken cancellationToken = default) => inner.ListTaskDefinitionsAsync(request, cancellationToken);

    public Task<ListTaskDefinitionFamiliesResponse> ListTaskDefinitionFamiliesAsync(ListTaskDefinitionFamiliesRequest request, CancellationToken cancellationToken = default) => inner.ListTaskDefinitionFamiliesAsync(request, cancellationToken);

    public Task<DeregisterTaskDefinitionResponse> DeregisterTaskDefinitionAsync(DeregisterTaskDefinitionRequest request, CancellationToken cancellationToken = default) => inner.DeregisterTaskDefinitionAsync(request, cancellationToken);

    public Task<CreateServiceResponse> CreateServiceAsync(CreateServiceRequest request, CancellationToken cancellationToken = default) => inner.CreateServiceAsync(request, cancellationToken);

    /// <summary>DescribeServices answers as ECS does for a service that does not exist: no service, a MISSING failure.</summary>
    public bool ServiceMissing { get; init; }

    public Task<DescribeServicesResponse> DescribeServicesAsync(DescribeServicesRequest request, CancellationToken cancellationToken = default) =>
        FailingLooks.TryDequeue(out var failure) ? throw failure
        : ServiceMissing ? Task.FromResult(new DescribeServicesResponse { Services = [], Failures = [new Failure { Arn = request.Services![0], Reason = "MISSING" }] })
        : inner.DescribeServicesAsync(request, cancellationToken);

    public Task<ListServicesResponse> ListServicesAsync(ListServicesRequest request, CancellationToken cancellationToken = default) => inner.ListServicesAsync(request, cancellationToken);

    public Task<DeleteServiceResponse> DeleteServiceAsync(DeleteServiceRequest request, CancellationToken cancellationToken = default) => inner.DeleteServiceAsync(request, cancellationToken);

    public Task<ListTasksResponse> ListTasksAsync(ListTasksRequest request, CancellationToken cancellationToken = default) => inner.ListTasksAsync(request, cancellationToken);

    public Task<DescribeTasksResponse> DescribeTasksAsync(DescribeTasksRequest request, CancellationToken cancellationToken = default) => inner.DescribeTasksAsync(request, cancellationToken);

    public Task<RunTaskResponse> RunTaskAsync(RunTaskRequest request, CancellationToken cancellationToken = default) => inner.RunTaskAsync(request, cancellationToken);

    public Task<StopTaskResponse> StopTaskAsync(StopTaskRequest request, CancellationToken cancellationToken = default) => inner.StopTaskAsync(request, cancellationToken);

    public Task<UntagResourceResponse> UntagResourceAsync(UntagResourceRequest request, CancellationToken cancellationToken = default) => inner.UntagResourceAsync(request, cancellationToken);

    public Task<ListTagsForResourceResponse> ListTagsForResourceAsync(ListTagsForResourceRequest request, CancellationToken cancellationToken = default) => inner.ListTagsForResourceAsync(request, cancellationToken);

    public void Dispose() => inner.Dispose();
}
