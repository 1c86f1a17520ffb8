using Slipway.Aws.Ecs.Model;
using Slipway.Aws.Transport;
using Slipway.LocalCloud.Protocol;

namespace Slipway.LocalCloud.Ecs;

/// <summary>The ECS operations the local cloud answers, under ECS's <c>X-Amz-Target</c> prefix.</summary>
internal static class EcsApi
{
    public static OperationTable Create(
        ClusterOperations clusters,
        TaskDefinitionOperations taskDefinitions,
        ServiceOperations services,
        TaskOperations tasks,
        TagOperations tags) =>
        new OperationTable(AwsServiceDescription.Ecs.TargetPrefix)
            .Add<CreateClusterRequest, CreateClusterResponse>("CreateCluster", clusters.CreateCluster)
            .Add<DescribeClustersRequest, DescribeClustersResponse>("DescribeClusters", clusters.DescribeClusters)
            .Add<DeleteClusterRequest, DeleteClusterResponse>("DeleteCluster", clusters.DeleteCluster)
            .Add<RegisterTaskDefinitionRequest, RegisterTaskDefinitionResponse>("RegisterTaskDefinition", taskDefinitions.RegisterTaskDefinition)
            .Add<DescribeTaskDefinitionRequest, DescribeTaskDefinitionResponse>("DescribeTaskDefinition", taskDefinitions.DescribeTaskDefinition)
            .Add<ListTaskDefinitionsRequest, ListTaskDefinitionsResponse>("ListTaskDefinitions", taskDefinitions.ListTaskDefinitions)
            .Add<ListTaskDefinitionFamiliesRequest, ListTaskDefinitionFamiliesResponse>("ListTaskDefinitionFamilies", taskDefinitions.ListTaskDefinitionFamilies)
            .Add<DeregisterTaskDefinitionRequest, DeregisterTaskDefinitionResponse>("DeregisterTaskDefinition", taskDefinitions.DeregisterTaskDefinition)
            .Add<CreateServiceRequest, CreateServiceResponse>("CreateService", services.CreateService)
            .Add<UpdateServiceRequest, UpdateServiceResponse>("UpdateService", services.UpdateService)
            .Add<DescribeServicesRequest, DescribeServicesResponse>("DescribeServices", services.DescribeServices)
            .Add<ListServicesRequest, ListServicesResponse>("ListServices", services.ListServices)
            .Add<DeleteServiceRequest, DeleteServiceResponse>("DeleteService", services.DeleteService)
            .Add<ListTasksRequest, ListTasksResponse>("ListTasks", tasks.ListTasks)
            .Add<DescribeTasksRequest, DescribeTasksResponse>("DescribeTasks", tasks.DescribeTasks)
            .Add<RunTaskRequest, RunTaskResponse>("RunTask", tasks.RunTask)
            .Add<StopTaskRequest, StopTaskResponse>("StopTask", tasks.StopTask)
            .Add<TagResourceRequest, TagResourceResponse>("TagResource", tags.TagResource)
            .Add<UntagResourceRequest, UntagResourceResponse>("UntagResource", tags.UntagResource)
            .Add<ListTagsForResourceRequest, ListTagsForResourceResponse>("ListTagsForResource", tags.ListTagsForResource);
}
