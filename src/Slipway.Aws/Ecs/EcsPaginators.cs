using Slipway.Aws.Ecs.Model;

namespace Slipway.Aws.Ecs;

/// <summary>The ECS list operations that page, as <see cref="Paginator{TResponse, TItem}"/>s.</summary>
public sealed class EcsPaginators(IAmazonECS ecs)
{
    public Paginator<ListTaskDefinitionsResponse, string> ListTaskDefinitions(ListTaskDefinitionsRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        return new(request.NextToken, (token, ct) => { request.NextToken = token; return ecs.ListTaskDefinitionsAsync(request, ct); }, r => r.NextToken, r => r.TaskDefinitionArns);
    }

    public Paginator<ListTaskDefinitionFamiliesResponse, string> ListTaskDefinitionFamilies(ListTaskDefinitionFamiliesRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        return new(request.NextToken, (token, ct) => { request.NextToken = token; return ecs.ListTaskDefinitionFamiliesAsync(request, ct); }, r => r.NextToken, r => r.Families);
    }

    public Paginator<ListServicesResponse, string> ListServices(ListServicesRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        return new(request.NextToken, (token, ct) => { request.NextToken = token; return ecs.ListServicesAsync(request, ct); }, r => r.NextToken, r => r.ServiceArns);
    }

    public Paginator<ListTasksResponse, string> ListTasks(ListTasksRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        return new(request.NextToken, (token, ct) => { request.NextToken = token; return ecs.ListTasksAsync(request, ct); }, r => r.NextToken, r => r.TaskArns);
    }
}
