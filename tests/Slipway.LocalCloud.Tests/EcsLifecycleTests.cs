using Slipway.Aws.Ecs.Model;
using Slipway.LocalCloud.Ecs;
using Slipway.LocalCloud.Protocol;
using Slipway.LocalCloud.Tests.Support;
using Task = System.Threading.Tasks.Task;

namespace Slipway.LocalCloud.Tests;

/// <summary>Tags, task definition revisions and their lists, and deleting services and clusters, as ECS answers them.</summary>
public sealed class EcsLifecycleTests : IDisposable
{
    private readonly ControlPlane cloud = new();

    public EcsLifecycleTests() => cloud.CreateCluster();

    public void Dispose() => cloud.Dispose();

    [Fact]
    public void Tags_are_set_replaced_listed_and_removed_by_ARN_on_clusters_services_and_task_definitions()
    {
        var tags = new TagOperations(cloud.Store);
        var definition = cloud.Register("api", "registry/api:v1");
        var service = cloud.CreateService("api", definition, desired: 0).ServiceArn!;
        var cluster = cloud.Clusters.DescribeClusters(new DescribeClustersRequest { Clusters = [ControlPlane.Cluster] }).Clusters![0].ClusterArn!;

        foreach (var arn in new[] { cluster, service, definition })
        {
            tags.TagResource(new TagResourceRequest { ResourceArn = arn, Tags = [new Tag { Key = "team", Value = "core" }, new Tag { Key = "stage", Value = "qa" }] });
            tags.TagResource(new TagResourceRequest { ResourceArn = arn, Tags = [new Tag { Key = "stage", Value = "prod" }, new Tag { Key = "empty" }] });
            tags.UntagResource(new UntagResourceRequest { ResourceArn = arn, TagKeys = ["team", "unknown"] });

            Assert.Equal(
                [("stage", "prod"), ("empty", "")],
                tags.ListTagsForResource(new ListTagsForResourceRequest { ResourceArn = arn }).Tags!.Select(t => (t.Key!, t.Value!)));
        }
    }

    [Fact]
    public void Tagging_a_task_or_an_unknown_resource_and_an_empty_key_are_answered_as_ECS_does()
    {
        var tags = new TagOperations(cloud.Store);
        var task = cloud.Tasks.RunTask(new RunTaskRequest { Cluster = ControlPlane.Cluster, TaskDefinition = cloud.Register("job", "registry/job:v1") }).Tasks![0].TaskArn!;

        tags.TagResource(new TagResourceRequest { ResourceArn = task, Tags = [new Tag { Key = "run", Value = "1" }] });
        Assert.Equal("run", Assert.Single(tags.ListTagsForResource(new ListTagsForResourceRequest { ResourceArn = task }).Tags!).Key);

        foreach (var arn in new[] { "arn:aws:ecs:us-east-1:000000000000:cluster/ghost", "arn:aws:ecs:us-east-1:000000000000:service/local/ghost", "arn:aws:ecs:us-east-1:000000000000:task-definition/ghost:1", "arn:aws:ecs:us-east-1:000000000000:task/local/ghost", "arn:aws:ecs:us-east-1:000000000000:container-instance/x", null })
        {
            var error = Assert.Throws<ApiError>(() => tags.ListTagsForResource(new ListTagsForResourceRequest { ResourceArn = arn }));
            Assert.Equal(("InvalidParameterException", "The specified resource could not be found."), (error.Code, error.Message));
        }

        var empty = Assert.Throws<ApiError>(() => tags.TagResource(new TagResourceRequest { ResourceArn = task, Tags = [new Tag { Key = "", Value = "x" }] }));
        Assert.Equal(("InvalidParameterException", "Tag keys must not be empty."), (empty.Code, empty.Message));
    }

    [Fact]
    public void A_deregistered_revision_turns_INACTIVE_once_and_leaves_the_active_lists()
    {
        var v1 = cloud.Register("api", "registry/api:v1");
        var v2 = cloud.Register("api", "registry/api:v2");
        var worker = cloud.Register("worker", "registry/worker:v1");

        var deregistered = cloud.TaskDefinitions.DeregisterTaskDefinition(new DeregisterTaskDefinitionRequest { TaskDefinition = "api:1" }).TaskDefinition!;
        cloud.Time.Advance(TimeSpan.FromMinutes(1));
        var again = cloud.TaskDefinitions.DeregisterTaskDefinition(new DeregisterTaskDefinitionRequest { TaskDefinition = v1 }).TaskDefinition!;

        Assert.Equal(("INACTIVE", v1), (deregistered.Status, deregistered.TaskDefinitionArn));
        Assert.Equal(new DateTime(2026, 11, 28, 12, 0, 0, DateTimeKind.Utc), deregistered.DeregisteredAt);
        Assert.Equal(deregistered.DeregisteredAt, again.DeregisteredAt);
        Assert.Equal([v2, worker], cloud.TaskDefinitions.ListTaskDefinitions(new ListTaskDefinitionsRequest()).TaskDefinitionArns);
        Assert.Equal([worker, v2], cloud.TaskDefinitions.ListTaskDefinitions(new ListTaskDefinitionsRequest { Sort = "DESC" }).TaskDefinitionArns);
        Assert.Equal([v1], cloud.TaskDefinitions.ListTaskDefinitions(new ListTaskDefinitionsRequest { Status = "INACTIVE" }).TaskDefinitionArns);
        Assert.Equal([v2], cloud.TaskDefinitions.ListTaskDefinitions(new ListTaskDefinitionsRequest { FamilyPrefix = "api" }).TaskDefinitionArns);
        Assert.Empty(cloud.TaskDefinitions.ListTaskDefinitions(new ListTaskDefinitionsRequest { FamilyPrefix = "ap" }).TaskDefinitionArns!);
        Assert.Equal(v2, cloud.TaskDefinitions.DescribeTaskDefinition(new DescribeTaskDefinitionRequest { TaskDefinition = "api" }).TaskDefinition!.TaskDefinitionArn);
    }

    [Fact]
    public void Task_definition_lists_are_paged()
    {
        var arns = Enumerable.Range(0, 3).Select(_ => cloud.Register("api", "registry/api:v1")).ToList();

        var first = cloud.TaskDefinitions.ListTaskDefinitions(new ListTaskDefinitionsRequest { MaxResults = 2 });
        var second = cloud.TaskDefinitions.ListTaskDefinitions(new ListTaskDefinitionsRequest { MaxResults = 2, NextToken = first.NextToken });

        Assert.Equal(arns[..2], first.TaskDefinitionArns);
        Assert.Equal(arns[2..], second.TaskDefinitionArns);
        Assert.Null(second.NextToken);
    }

    [Fact]
    public void Families_are_listed_by_status_and_prefix()
    {
        cloud.Register("api", "registry/api:v1");
        cloud.Register("api-worker", "registry/worker:v1");
        cloud.Register("web", "registry/web:v1");
        cloud.TaskDefinitions.DeregisterTaskDefinition(new DeregisterTaskDefinitionRequest { TaskDefinition = "web:1" });

        Assert.Equal(["api", "api-worker"], Families(new ListTaskDefinitionFamiliesRequest()));
        Assert.Equal(["web"], Families(new ListTaskDefinitionFamiliesRequest { Status = "INACTIVE" }));
        Assert.Equal(["api", "api-worker", "web"], Families(new ListTaskDefinitionFamiliesRequest { Status = "ALL" }));
        Assert.Equal(["api", "api-worker"], Families(new ListTaskDefinitionFamiliesRequest { FamilyPrefix = "ap", Status = "ALL" }));
        var page = cloud.TaskDefinitions.ListTaskDefinitionFamilies(new ListTaskDefinitionFamiliesRequest { MaxResults = 1 });
        Assert.Equal(["api"], page.Families);
        Assert.Equal(["api-worker"], cloud.TaskDefinitions.ListTaskDefinitionFamilies(new ListTaskDefinitionFamiliesRequest { MaxResults = 1, NextToken = page.NextToken }).Families);

        IList<string> Families(ListTaskDefinitionFamiliesRequest request) => cloud.TaskDefinitions.ListTaskDefinitionFamilies(request).Families!;
    }

    [Theory]
    [InlineData("api", "Revision must be specified: use family:revision or the full ARN.")]
    [InlineData("arn:aws:ecs:us-east-1:000000000000:task-definition/api", "Revision must be specified: use family:revision or the full ARN.")]
    [InlineData("api:9", "The specified task definition does not exist.")]
    [InlineData("ghost:1", "The specified task definition does not exist.")]
    [InlineData("api:x", "The specified task definition does not exist.")]
    [InlineData("arn:aws:ecs:us-east-1:000000000000:service/api:1", "The specified task definition does not exist.")]
    public void Deregistering_needs_a_revision_that_exists(string reference, string message)
    {
        cloud.Register("api", "registry/api:v1");

        var error = Assert.Throws<ApiError>(() => cloud.TaskDefinitions.DeregisterTaskDefinition(new DeregisterTaskDefinitionRequest { TaskDefinition = reference }));

        Assert.Equal(("ClientException", message), (error.Code, error.Message));
    }

    [Fact]
    public async Task A_deleted_service_drains_its_tasks_and_stays_described_as_INACTIVE()
    {
        var definition = cloud.Register("api", "registry/api:v1");
        cloud.CreateService("api", definition, desired: 1);
        await cloud.RunUntilAsync(() => ControlPlane.IsSteady(cloud.Service("api")));

        var refused = Assert.Throws<ApiError>(() => cloud.Services.DeleteService(new DeleteServiceRequest { Cluster = ControlPlane.Cluster, Service = "api" }));
        var clusterInUse = Assert.Throws<ApiError>(() => cloud.Clusters.DeleteCluster(new DeleteClusterRequest { Cluster = ControlPlane.Cluster }));
        var deleted = cloud.Services.DeleteService(new DeleteServiceRequest { Cluster = ControlPlane.Cluster, Service = "api", Force = true }).Service!;
        await cloud.RunUntilAsync(() => cloud.Service("api").Status == "INACTIVE");

        Assert.Equal(("InvalidParameterException", "The service cannot be stopped while it is scaled above 0."), (refused.Code, refused.Message));
        Assert.Equal(("ClusterContainsServicesException", "The Cluster cannot be deleted while Services are active."), (clusterInUse.Code, clusterInUse.Message));
        Assert.Equal(("DRAINING", 0), (deleted.Status, deleted.DesiredCount));
        Assert.Empty(cloud.TasksOf("api"));
        Assert.Empty(cloud.Services.ListServices(new ListServicesRequest { Cluster = ControlPlane.Cluster }).ServiceArns!);
        var gone = Assert.Throws<ApiError>(() => cloud.Services.DeleteService(new DeleteServiceRequest { Cluster = ControlPlane.Cluster, Service = "api", Force = true }));
        Assert.Equal(("ServiceNotFoundException", "Service not found."), (gone.Code, gone.Message));

        var cluster = cloud.Clusters.DeleteCluster(new DeleteClusterRequest { Cluster = ControlPlane.Cluster }).Cluster!;
        Assert.Equal(("INACTIVE", ControlPlane.Cluster), (cluster.Status, cluster.ClusterName));
        var inactive = Assert.Throws<ApiError>(() => cloud.Services.ListServices(new ListServicesRequest { Cluster = ControlPlane.Cluster }));
        Assert.Equal(("ClusterNotFoundException", "The referenced cluster was inactive."), (inactive.Code, inactive.Message));
    }

    [Fact]
    public void A_service_scaled_to_zero_is_deleted_without_force_and_a_blank_or_unknown_service_is_refused()
    {
        cloud.CreateService("api", cloud.Register("api", "registry/api:v1"), desired: 0);

        Assert.Equal("DRAINING", cloud.Services.DeleteService(new DeleteServiceRequest { Cluster = ControlPlane.Cluster, Service = "api" }).Service!.Status);
        var blank = Assert.Throws<ApiError>(() => cloud.Services.DeleteService(new DeleteServiceRequest { Cluster = ControlPlane.Cluster, Service = "" }));
        var unknown = Assert.Throws<ApiError>(() => cloud.Services.DeleteService(new DeleteServiceRequest { Cluster = ControlPlane.Cluster, Service = "ghost" }));
        Assert.Equal(("InvalidParameterException", "Service can not be blank."), (blank.Code, blank.Message));
        Assert.Equal("ServiceNotFoundException", unknown.Code);
    }

    [Fact]
    public async Task A_cluster_with_a_running_task_is_not_deleted_and_an_unknown_one_is_not_found()
    {
        var task = cloud.Tasks.RunTask(new RunTaskRequest { Cluster = ControlPlane.Cluster, TaskDefinition = cloud.Register("job", "registry/job:v1") }).Tasks![0].TaskArn!;
        await cloud.StepAsync();

        var busy = Assert.Throws<ApiError>(() => cloud.Clusters.DeleteCluster(new DeleteClusterRequest { Cluster = ControlPlane.Cluster }));
        var unknown = Assert.Throws<ApiError>(() => cloud.Clusters.DeleteCluster(new DeleteClusterRequest { Cluster = "ghost" }));

        Assert.Equal(("ClusterContainsTasksException", "The Cluster cannot be deleted while Tasks are active."), (busy.Code, busy.Message));
        Assert.Equal(("ClusterNotFoundException", "Cluster not found."), (unknown.Code, unknown.Message));
        cloud.Tasks.StopTask(new StopTaskRequest { Cluster = ControlPlane.Cluster, Task = task });
        await cloud.RunUntilAsync(() => cloud.Tasks.DescribeTasks(new DescribeTasksRequest { Cluster = ControlPlane.Cluster, Tasks = [task] }).Tasks![0].LastStatus == "STOPPED");
        Assert.Equal("INACTIVE", cloud.Clusters.DeleteCluster(new DeleteClusterRequest { Cluster = ControlPlane.Cluster }).Cluster!.Status);
    }
}
