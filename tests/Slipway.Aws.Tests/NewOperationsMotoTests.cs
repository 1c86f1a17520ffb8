using Slipway.Aws.Ecr.Model;
using Slipway.Aws.Ecs.Model;
using Slipway.Aws.Tests.Support;
using EcrTag = Slipway.Aws.Ecr.Model.Tag;
using Task = System.Threading.Tasks.Task;

namespace Slipway.Aws.Tests;

/// <summary>The operations added with the generated model, against moto_server.</summary>
[Collection(UsesMoto.Name)]
public sealed class NewOperationsMotoTests(MotoServer moto)
{
    [Fact]
    public async Task ListServices_lists_a_clusters_services_and_DeleteService_then_DeleteCluster_remove_them()
    {
        using var ecs = moto.Ecs();
        var cluster = Samples.Unique("cluster");
        await ecs.CreateClusterAsync(new CreateClusterRequest { ClusterName = cluster });
        await ecs.RegisterTaskDefinitionAsync(Samples.TaskDefinition("api"));
        await ecs.CreateServiceAsync(new CreateServiceRequest { Cluster = cluster, ServiceName = "api", TaskDefinition = "api", DesiredCount = 0 });
        await ecs.CreateServiceAsync(new CreateServiceRequest { Cluster = cluster, ServiceName = "worker", TaskDefinition = "api", DesiredCount = 0 });

        var listed = await ecs.Paginators.ListServices(new ListServicesRequest { Cluster = cluster }).Items.ToListAsync();
        var deleted = await ecs.DeleteServiceAsync(new DeleteServiceRequest { Cluster = cluster, Service = "worker", Force = true });
        var worker = await ecs.DescribeServicesAsync(new DescribeServicesRequest { Cluster = cluster, Services = ["worker"] });
        await ecs.DeleteServiceAsync(new DeleteServiceRequest { Cluster = cluster, Service = "api", Force = true });
        var deletedCluster = await ecs.DeleteClusterAsync(new DeleteClusterRequest { Cluster = cluster });

        Assert.Equal([$"arn:aws:ecs:us-east-1:123456789012:service/{cluster}/api", $"arn:aws:ecs:us-east-1:123456789012:service/{cluster}/worker"], listed.Order(StringComparer.Ordinal));
        Assert.Equal("worker", deleted.Service?.ServiceName);
        Assert.NotEqual("ACTIVE", Assert.Single(worker.Services!).Status); // DRAINING, then INACTIVE (moto keeps listing it)
        Assert.Equal("INACTIVE", deletedCluster.Cluster?.Status);
    }

    [Fact]
    public async Task ListTaskDefinitionFamilies_finds_a_family_by_prefix()
    {
        using var ecs = moto.Ecs();
        var family = Samples.Unique("fam");
        await ecs.RegisterTaskDefinitionAsync(Samples.TaskDefinition(family));

        var families = await ecs.Paginators.ListTaskDefinitionFamilies(new ListTaskDefinitionFamiliesRequest { FamilyPrefix = family }).Items.ToListAsync();

        Assert.Equal([family], families);
    }

    [Fact]
    public async Task UntagResource_removes_an_ECS_tag()
    {
        using var ecs = moto.Ecs();
        var cluster = (await ecs.CreateClusterAsync(new CreateClusterRequest { ClusterName = Samples.Unique("cluster") })).Cluster!.ClusterArn;
        await ecs.TagResourceAsync(new Slipway.Aws.Ecs.Model.TagResourceRequest { ResourceArn = cluster, Tags = [new Slipway.Aws.Ecs.Model.Tag { Key = "a", Value = "1" }, new Slipway.Aws.Ecs.Model.Tag { Key = "b", Value = "2" }] });

        await ecs.UntagResourceAsync(new Slipway.Aws.Ecs.Model.UntagResourceRequest { ResourceArn = cluster, TagKeys = ["a"] });
        var tags = await ecs.ListTagsForResourceAsync(new Slipway.Aws.Ecs.Model.ListTagsForResourceRequest { ResourceArn = cluster });

        Assert.Equal(["b"], tags.Tags!.Select(t => t.Key));
    }

    [Fact]
    public async Task ECR_tags_are_listed_and_removed_and_ListImages_pages_image_ids()
    {
        using var ecr = moto.Ecr();
        var repository = (await ecr.CreateRepositoryAsync(new CreateRepositoryRequest { RepositoryName = Samples.Unique("api"), Tags = [new EcrTag { Key = "a", Value = "1" }, new EcrTag { Key = "b", Value = "2" }] })).Repository!;
        await ecr.PutImageAsync(new PutImageRequest { RepositoryName = repository.RepositoryName, ImageManifest = Samples.Manifest, ImageTag = "1.0.0" });

        await ecr.UntagResourceAsync(new Slipway.Aws.Ecr.Model.UntagResourceRequest { ResourceArn = repository.RepositoryArn, TagKeys = ["a"] });
        var tags = await ecr.ListTagsForResourceAsync(new Slipway.Aws.Ecr.Model.ListTagsForResourceRequest { ResourceArn = repository.RepositoryArn });
        var images = await ecr.Paginators.ListImages(new ListImagesRequest { RepositoryName = repository.RepositoryName }).Items.ToListAsync();

        Assert.Equal(["b"], tags.Tags!.Select(t => t.Key));
        Assert.Equal("1.0.0", Assert.Single(images).ImageTag);
    }

    [Fact]
    public async Task DeleteLifecyclePolicy_removes_the_policy_and_DeleteRepository_refuses_a_repository_with_images_unless_forced()
    {
        using var ecr = moto.Ecr();
        var name = Samples.Unique("api");
        await ecr.CreateRepositoryAsync(new CreateRepositoryRequest { RepositoryName = name });
        await ecr.PutImageAsync(new PutImageRequest { RepositoryName = name, ImageManifest = Samples.Manifest, ImageTag = "1.0.0" });
        const string Policy = """{"rules":[{"rulePriority":1,"selection":{"tagStatus":"untagged","countType":"imageCountMoreThan","countNumber":5},"action":{"type":"expire"}}]}""";
        await ecr.PutLifecyclePolicyAsync(new PutLifecyclePolicyRequest { RepositoryName = name, LifecyclePolicyText = Policy });

        var deletedPolicy = await ecr.DeleteLifecyclePolicyAsync(new DeleteLifecyclePolicyRequest { RepositoryName = name });
        await Assert.ThrowsAsync<LifecyclePolicyNotFoundException>(() => ecr.GetLifecyclePolicyAsync(new GetLifecyclePolicyRequest { RepositoryName = name }));
        await Assert.ThrowsAsync<RepositoryNotEmptyException>(() => ecr.DeleteRepositoryAsync(new DeleteRepositoryRequest { RepositoryName = name }));
        var deleted = await ecr.DeleteRepositoryAsync(new DeleteRepositoryRequest { RepositoryName = name, Force = true });

        Assert.Equal(name, deletedPolicy.RepositoryName);
        Assert.Equal(name, deleted.Repository?.RepositoryName);
        await Assert.ThrowsAsync<RepositoryNotFoundException>(() => ecr.DescribeRepositoriesAsync(new DescribeRepositoriesRequest { RepositoryNames = [name] }));
    }
}
