using System.Text;
using Slipway.Aws.Ecr;
using Slipway.Aws.Ecr.Model;
using Slipway.Aws.Ecs;
using Slipway.Aws.Ecs.Model;
using Slipway.LocalCloud.Tests.Support;
using Task = System.Threading.Tasks.Task;

namespace Slipway.LocalCloud.Tests;

/// <summary>The pipeline's own clients (Slipway.Aws) against the local cloud; ECR images live in a real registry.</summary>
[Collection(UsesCloudServer.Name)]
public sealed class SlipwayClientTests(CloudServer cloud)
{
    [Fact]
    public async Task Errors_come_back_as_the_typed_exceptions_of_the_model()
    {
        using var ecs = new AmazonECSClient(cloud.ClientOptions());
        using var ecr = new AmazonECRClient(cloud.ClientOptions());

        var cluster = await Assert.ThrowsAsync<ClusterNotFoundException>(() => ecs.DescribeServicesAsync(new DescribeServicesRequest { Cluster = "nope", Services = ["api"] }));
        var repository = await Assert.ThrowsAsync<RepositoryNotFoundException>(() => ecr.DescribeImagesAsync(new DescribeImagesRequest { RepositoryName = "nope" }));
        var definition = await Assert.ThrowsAsync<Aws.Ecs.Model.ClientException>(() => ecs.DescribeTaskDefinitionAsync(new DescribeTaskDefinitionRequest { TaskDefinition = "nope" }));

        Assert.Equal(("Cluster not found.", 400), (cluster.Message, (int)cluster.StatusCode));
        Assert.Equal("The repository with name 'nope' does not exist in the registry with id '000000000000'", repository.Message);
        Assert.Equal("Unable to describe task definition.", definition.Message);
        Assert.NotNull(cluster.RequestId);
    }

    [Fact]
    public async Task An_update_through_the_client_answers_with_the_new_PRIMARY_and_the_old_ACTIVE_deployment()
    {
        using var ecs = new AmazonECSClient(cloud.ClientOptions());
        var name = $"c{Guid.NewGuid():N}"[..12];
        await ecs.CreateClusterAsync(new CreateClusterRequest { ClusterName = name });
        var v1 = await RegisterAsync(ecs, name, "registry/api:v1");
        var v2 = await RegisterAsync(ecs, name, "registry/api:v2");
        await ecs.CreateServiceAsync(new CreateServiceRequest { Cluster = name, ServiceName = "api", TaskDefinition = v1, DesiredCount = 1 });
        await WaitAsync(async () => (await ecs.DescribeServicesAsync(new DescribeServicesRequest { Cluster = name, Services = ["api"] })).Services![0].Deployments![0].RolloutState == "COMPLETED");

        var updated = await ecs.UpdateServiceAsync(new UpdateServiceRequest { Cluster = name, Service = "api", TaskDefinition = v2 });
        await WaitAsync(async () =>
        {
            var service = (await ecs.DescribeServicesAsync(new DescribeServicesRequest { Cluster = name, Services = ["api"] })).Services![0];
            return service.Deployments!.Count == 1 && service.Deployments[0].RolloutState == "COMPLETED" && service.Deployments[0].TaskDefinition == v2;
        });
        var listed = await ecs.ListServicesAsync(new ListServicesRequest { Cluster = name });
        var stoppedArns = (await ecs.ListTasksAsync(new ListTasksRequest { Cluster = name, DesiredStatus = "STOPPED" })).TaskArns!;
        var stopped = await ecs.DescribeTasksAsync(new DescribeTasksRequest { Cluster = name, Tasks = stoppedArns });

        Assert.Equal(["PRIMARY", "ACTIVE"], updated.Service!.Deployments!.Select(d => d.Status!));
        Assert.Equal([v2, v1], updated.Service.Deployments!.Select(d => d.TaskDefinition!));
        Assert.Single(listed.ServiceArns!);
        var old = Assert.Single(stopped.Tasks!);
        Assert.Equal(("ServiceSchedulerInitiated", v1), (old.StopCode, old.TaskDefinitionArn));
        Assert.NotNull(old.StoppedAt);
    }

    [Fact]
    public async Task PutImage_BatchGetImage_DescribeImages_and_BatchDeleteImage_act_on_the_registry()
    {
        using var ecr = new AmazonECRClient(cloud.ClientOptions());
        var name = $"promo/{Guid.NewGuid():N}"[..20];
        await ecr.CreateRepositoryAsync(new CreateRepositoryRequest { RepositoryName = name, ImageTagMutability = "IMMUTABLE" });
        var manifest = await cloud.PushImageBlobsAsync(name, "one");

        var put = await ecr.PutImageAsync(new PutImageRequest { RepositoryName = name, ImageManifest = manifest, ImageTag = "1.0.0" });
        var digest = put.Image!.ImageId!.ImageDigest!;
        var retagged = await ecr.PutImageAsync(new PutImageRequest { RepositoryName = name, ImageManifest = manifest, ImageTag = "prod", ImageManifestMediaType = "application/vnd.oci.image.manifest.v1+json" });
        var again = await Assert.ThrowsAsync<ImageAlreadyExistsException>(() => ecr.PutImageAsync(new PutImageRequest { RepositoryName = name, ImageManifest = manifest, ImageTag = "prod" }));
        var other = await cloud.PushImageBlobsAsync(name, "two");
        var immutable = await Assert.ThrowsAsync<ImageTagAlreadyExistsException>(() => ecr.PutImageAsync(new PutImageRequest { RepositoryName = name, ImageManifest = other, ImageTag = "prod" }));
        var fetched = await ecr.BatchGetImageAsync(new BatchGetImageRequest { RepositoryName = name, ImageIds = [new ImageIdentifier { ImageTag = "1.0.0" }, new ImageIdentifier { ImageTag = "missing" }] });
        var described = await ecr.DescribeImagesAsync(new DescribeImagesRequest { RepositoryName = name });
        var notFound = await Assert.ThrowsAsync<ImageNotFoundException>(() => ecr.DescribeImagesAsync(new DescribeImagesRequest { RepositoryName = name, ImageIds = [new ImageIdentifier { ImageTag = "nope" }] }));

        Assert.Equal("sha256:" + Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(Encoding.UTF8.GetBytes(manifest))), digest);
        Assert.Equal(digest, retagged.Image!.ImageId!.ImageDigest);
        Assert.Equal($"Image with digest '{digest}' and tag 'prod' already exists in the repository with name '{name}' in registry with id '000000000000'", again.Message);
        Assert.Equal($"The image tag 'prod' already exists in the '{name}' repository and cannot be overwritten because the repository is immutable.", immutable.Message);
        var image = Assert.Single(fetched.Images!);
        Assert.Equal((manifest, digest, "1.0.0"), (image.ImageManifest, image.ImageId!.ImageDigest, image.ImageId.ImageTag));
        Assert.Equal(("ImageNotFound", "missing"), (Assert.Single(fetched.Failures!).FailureCode, fetched.Failures![0].ImageId!.ImageTag));
        var detail = Assert.Single(described.ImageDetails!);
        Assert.Equal((digest, "application/vnd.oci.image.manifest.v1+json", "application/vnd.oci.image.config.v1+json"), (detail.ImageDigest, detail.ImageManifestMediaType, detail.ArtifactMediaType));
        Assert.Equal(["1.0.0", "prod"], detail.ImageTags!.Order());
        Assert.True(detail.ImageSizeInBytes > 1000);
        Assert.NotNull(detail.ImagePushedAt);
        Assert.Equal($"The image with imageId {{imageDigest:'null', imageTag:'nope'}} does not exist within the repository with name '{name}' in the registry with id '000000000000'", notFound.Message);

        var untagged = await ecr.BatchDeleteImageAsync(new BatchDeleteImageRequest { RepositoryName = name, ImageIds = [new ImageIdentifier { ImageTag = "prod" }] });
        var afterUntag = await ecr.DescribeImagesAsync(new DescribeImagesRequest { RepositoryName = name });
        var deleted = await ecr.BatchDeleteImageAsync(new BatchDeleteImageRequest { RepositoryName = name, ImageIds = [new ImageIdentifier { ImageDigest = digest }] });
        var afterDelete = await ecr.DescribeImagesAsync(new DescribeImagesRequest { RepositoryName = name });

        Assert.Equal((digest, "prod"), (Assert.Single(untagged.ImageIds!).ImageDigest, untagged.ImageIds![0].ImageTag));
        Assert.Equal(["1.0.0"], Assert.Single(afterUntag.ImageDetails!).ImageTags!);
        Assert.Equal(digest, Assert.Single(deleted.ImageIds!).ImageDigest);
        Assert.Empty(afterDelete.ImageDetails!);
    }

    [Fact]
    public async Task PutImage_of_a_manifest_whose_layers_are_not_in_the_repository_is_LayersNotFoundException()
    {
        using var ecr = new AmazonECRClient(cloud.ClientOptions());
        var source = $"src/{Guid.NewGuid():N}"[..16];
        var target = $"dst/{Guid.NewGuid():N}"[..16];
        await ecr.CreateRepositoryAsync(new CreateRepositoryRequest { RepositoryName = source });
        await ecr.CreateRepositoryAsync(new CreateRepositoryRequest { RepositoryName = target });
        var manifest = await cloud.PushImageBlobsAsync(source, "three");

        await Assert.ThrowsAsync<LayersNotFoundException>(() => ecr.PutImageAsync(new PutImageRequest { RepositoryName = target, ImageManifest = manifest, ImageTag = "x" }));
    }

    [Fact]
    public async Task Lifecycle_policies_are_checked_as_ECR_checks_them()
    {
        using var ecr = new AmazonECRClient(cloud.ClientOptions());
        var name = $"lc/{Guid.NewGuid():N}"[..16];
        await ecr.CreateRepositoryAsync(new CreateRepositoryRequest { RepositoryName = name });
        const string AnyNotLast = """
            {"rules": [
              {"rulePriority": 1, "selection": {"tagStatus": "any", "countType": "imageCountMoreThan", "countNumber": 5}, "action": {"type": "expire"}},
              {"rulePriority": 2, "selection": {"tagStatus": "untagged", "countType": "sinceImagePushed", "countUnit": "days", "countNumber": 1}, "action": {"type": "expire"}}]}
            """;

        var error = await Assert.ThrowsAsync<Aws.Ecr.Model.InvalidParameterException>(() => ecr.PutLifecyclePolicyAsync(new PutLifecyclePolicyRequest { RepositoryName = name, LifecyclePolicyText = AnyNotLast }));
        var missing = await Assert.ThrowsAsync<LifecyclePolicyNotFoundException>(() => ecr.GetLifecyclePolicyAsync(new GetLifecyclePolicyRequest { RepositoryName = name }));

        Assert.Equal("Invalid parameter at 'LifecyclePolicyText' failed to satisfy constraint: 'Lifecycle policy validation failure: Rule for tagStatus=ANY must have the lowest priority per storage class'", error.Message);
        Assert.StartsWith("Lifecycle policy does not exist for the repository with name", missing.Message, StringComparison.Ordinal);
    }

    private static async Task<string> RegisterAsync(AmazonECSClient ecs, string family, string image) =>
        (await ecs.RegisterTaskDefinitionAsync(new RegisterTaskDefinitionRequest
        {
            Family = family,
            NetworkMode = "host",
            ContainerDefinitions = [new ContainerDefinition { Name = "app", Image = image, PortMappings = [new PortMapping { ContainerPort = 8080 }] }],
        })).TaskDefinition!.TaskDefinitionArn!;

    private static async Task WaitAsync(Func<Task<bool>> condition)
    {
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (!await condition())
        {
            Assert.True(DateTime.UtcNow < deadline, "condition not reached within 60 s");
            await Task.Delay(200);
        }
    }
}
