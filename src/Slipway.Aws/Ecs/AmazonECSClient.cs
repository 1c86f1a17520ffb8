using Slipway.Aws.Ecs.Model;
using Slipway.Aws.Transport;

namespace Slipway.Aws.Ecs;

/// <summary>Amazon ECS over AWS JSON 1.1, signed by AWSSDK.Core; see <see cref="AwsClientOptions"/> for endpoint, region, credentials and retries.</summary>
public sealed class AmazonECSClient : IAmazonECS
{
    private readonly AwsJsonClient transport;

    /// <exception cref="AwsConfigurationException">No region is given or configured, or the endpoint is malformed.</exception>
    public AmazonECSClient(AwsClientOptions? options = null)
    {
        transport = new AwsJsonClient(AwsServiceDescription.Ecs, EcsErrors.ByCode, options ?? new AwsClientOptions());
    }

    /// <summary>The region requests are signed for.</summary>
    public string Region => transport.Region;

    /// <summary>Where requests go, after the overrides (<see cref="AwsClientOptions.ServiceUrl"/>, <c>AWS_ENDPOINT_URL_ECS</c>, <c>AWS_ENDPOINT_URL</c>).</summary>
    public Uri ServiceEndpoint => transport.Endpoint;

    /// <inheritdoc cref="IAmazonECS.Paginators"/>
    public EcsPaginators Paginators => new(this);

    public Task<CreateClusterResponse> CreateClusterAsync(CreateClusterRequest request, CancellationToken cancellationToken = default)
        => transport.SendAsync<CreateClusterRequest, CreateClusterResponse>("CreateCluster", request, cancellationToken);

    public Task<DescribeClustersResponse> DescribeClustersAsync(DescribeClustersRequest request, CancellationToken cancellationToken = default)
        => transport.SendAsync<DescribeClustersRequest, DescribeClustersResponse>("DescribeClusters", request, cancellationToken);

    public Task<RegisterTaskDefinitionResponse> RegisterTaskDefinitionAsync(RegisterTaskDefinitionRequest request, CancellationToken cancellationToken = default)
        => transport.SendAsync<RegisterTaskDefinitionRequest, RegisterTaskDefinitionResponse>("RegisterTaskDefinition", request, cancellationToken);

    public Task<DescribeTaskDefinitionResponse> DescribeTaskDefinitionAsync(DescribeTaskDefinitionRequest request, CancellationToken cancellationToken = default)
        => transport.SendAsync<DescribeTaskDefinitionRequest, DescribeTaskDefinitionResponse>("DescribeTaskDefinition", request, cancellationToken);

    public Task<ListTaskDefinitionsResponse> ListTaskDefinitionsAsync(ListTaskDefinitionsRequest request, CancellationToken cancellationToken = default)
        => transport.SendAsync<ListTaskDefinitionsRequest, ListTaskDefinitionsResponse>("ListTaskDefinitions", request, cancellationToken);

    public Task<DeregisterTaskDefinitionResponse> DeregisterTaskDefinitionAsync(DeregisterTaskDefinitionRequest request, CancellationToken cancellationToken = default)
        => transport.SendAsync<DeregisterTaskDefinitionRequest, DeregisterTaskDefinitionResponse>("DeregisterTaskDefinition", request, cancellationToken);

    public Task<CreateServiceResponse> CreateServiceAsync(CreateServiceRequest request, CancellationToken cancellationToken = default)
        => transport.SendAsync<CreateServiceRequest, CreateServiceResponse>("CreateService", request, cancellationToken);

    public Task<UpdateServiceResponse> UpdateServiceAsync(UpdateServiceRequest request, CancellationToken cancellationToken = default)
        => transport.SendAsync<UpdateServiceRequest, UpdateServiceResponse>("UpdateService", request, cancellationToken);

    public Task<DescribeServicesResponse> DescribeServicesAsync(DescribeServicesRequest request, CancellationToken cancellationToken = default)
        => transport.SendAsync<DescribeServicesRequest, DescribeServicesResponse>("DescribeServices", request, cancellationToken);

    public Task<ListTasksResponse> ListTasksAsync(ListTasksRequest request, CancellationToken cancellationToken = default)
        => transport.SendAsync<ListTasksRequest, ListTasksResponse>("ListTasks", request, cancellationToken);

    public Task<DescribeTasksResponse> DescribeTasksAsync(DescribeTasksRequest request, CancellationToken cancellationToken = default)
        => transport.SendAsync<DescribeTasksRequest, DescribeTasksResponse>("DescribeTasks", request, cancellationToken);

    public Task<RunTaskResponse> RunTaskAsync(RunTaskRequest request, CancellationToken cancellationToken = default)
        => transport.SendAsync<RunTaskRequest, RunTaskResponse>("RunTask", request, cancellationToken);

    public Task<StopTaskResponse> StopTaskAsync(StopTaskRequest request, CancellationToken cancellationToken = default)
        => transport.SendAsync<StopTaskRequest, StopTaskResponse>("StopTask", request, cancellationToken);

    public Task<TagResourceResponse> TagResourceAsync(TagResourceRequest request, CancellationToken cancellationToken = default)
        => transport.SendAsync<TagResourceRequest, TagResourceResponse>("TagResource", request, cancellationToken);

    public Task<ListTagsForResourceResponse> ListTagsForResourceAsync(ListTagsForResourceRequest request, CancellationToken cancellationToken = default)
        => transport.SendAsync<ListTagsForResourceRequest, ListTagsForResourceResponse>("ListTagsForResource", request, cancellationToken);

    public void Dispose() => transport.Dispose();
}
