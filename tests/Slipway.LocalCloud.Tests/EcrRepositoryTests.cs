using Slipway.Aws.Ecr;
using Slipway.Aws.Ecr.Model;
using Slipway.LocalCloud.Tests.Support;
using Task = System.Threading.Tasks.Task;

namespace Slipway.LocalCloud.Tests;

/// <summary>ECR's repository settings, tags, lifecycle policies, image lists and deletion, through the Slipway client and the real registry.</summary>
[Collection(UsesCloudServer.Name)]
public sealed class EcrRepositoryTests(CloudServer cloud)
{
    private const string Policy = """
        {"rules": [{"rulePriority": 1, "selection": {"tagStatus": "untagged", "countType": "sinceImagePushed", "countUnit": "days", "countNumber": 14}, "action": {"type": "expire"}}]}
        """;

    [Fact]
    public async Task Scanning_and_tag_mutability_are_set_and_described()
    {
        using var ecr = new AmazonECRClient(cloud.ClientOptions());
        var name = await CreateAsync(ecr);

        var scanning = await ecr.PutImageScanningConfigurationAsync(new PutImageScanningConfigurationRequest { RepositoryName = name, ImageScanningConfiguration = new ImageScanningConfiguration { ScanOnPush = true } });
        var mutability = await ecr.PutImageTagMutabilityAsync(new PutImageTagMutabilityRequest
        {
            RepositoryName = name,
            ImageTagMutability = "IMMUTABLE_WITH_EXCLUSION",
            ImageTagMutabilityExclusionFilters = [new ImageTagMutabilityExclusionFilter { FilterType = "WILDCARD", Filter = "latest*" }],
        });
        var described = (await ecr.DescribeRepositoriesAsync(new DescribeRepositoriesRequest { RepositoryNames = [name] })).Repositories![0];

        Assert.Equal(("000000000000", name, true), (scanning.RegistryId, scanning.RepositoryName, scanning.ImageScanningConfiguration!.ScanOnPush));
        Assert.Equal(("000000000000", name, "IMMUTABLE_WITH_EXCLUSION", "latest*"), (mutability.RegistryId, mutability.RepositoryName, mutability.ImageTagMutability, Assert.Single(mutability.ImageTagMutabilityExclusionFilters!).Filter));
        Assert.Equal((true, "IMMUTABLE_WITH_EXCLUSION", "latest*"), (described.ImageScanningConfiguration!.ScanOnPush, described.ImageTagMutability, Assert.Single(described.ImageTagMutabilityExclusionFilters!).Filter));

        var back = await ecr.PutImageTagMutabilityAsync(new PutImageTagMutabilityRequest { RepositoryName = name, ImageTagMutability = "MUTABLE" });
        var off = await ecr.PutImageScanningConfigurationAsync(new PutImageScanningConfigurationRequest { RepositoryName = name });
        Assert.Equal(("MUTABLE", null, false), (back.ImageTagMutability, back.ImageTagMutabilityExclusionFilters, off.ImageScanningConfiguration!.ScanOnPush));
    }

    [Fact]
    public async Task An_unknown_tag_mutability_is_refused_naming_the_allowed_values()
    {
        using var ecr = new AmazonECRClient(cloud.ClientOptions());
        var name = await CreateAsync(ecr);

        var error = await Assert.ThrowsAsync<InvalidParameterException>(() => ecr.PutImageTagMutabilityAsync(new PutImageTagMutabilityRequest { RepositoryName = name, ImageTagMutability = "FROZEN" }));

        Assert.Equal("Invalid parameter at 'imageTagMutability' failed to satisfy constraint: 'Member must satisfy enum value set: [MUTABLE, IMMUTABLE, IMMUTABLE_WITH_EXCLUSION, MUTABLE_WITH_EXCLUSION]'", error.Message);
    }

    [Fact]
    public async Task Repository_tags_are_set_replaced_and_removed_by_ARN()
    {
        using var ecr = new AmazonECRClient(cloud.ClientOptions());
        var name = await CreateAsync(ecr);
        var arn = (await ecr.DescribeRepositoriesAsync(new DescribeRepositoriesRequest { RepositoryNames = [name] })).Repositories![0].RepositoryArn!;

        await ecr.TagResourceAsync(new TagResourceRequest { ResourceArn = arn, Tags = [new Tag { Key = "team", Value = "core" }, new Tag { Key = "stage", Value = "qa" }] });
        await ecr.TagResourceAsync(new TagResourceRequest { ResourceArn = arn, Tags = [new Tag { Key = "stage", Value = "prod" }] });
        await ecr.UntagResourceAsync(new UntagResourceRequest { ResourceArn = arn, TagKeys = ["team"] });

        Assert.Equal([("stage", "prod")], (await ecr.ListTagsForResourceAsync(new ListTagsForResourceRequest { ResourceArn = arn })).Tags!.Select(t => (t.Key!, t.Value!)));
        var unknown = await Assert.ThrowsAsync<InvalidParameterException>(() => ecr.ListTagsForResourceAsync(new ListTagsForResourceRequest { ResourceArn = arn + "x" }));
        Assert.Equal($"Invalid parameter at 'resourceArn' failed to satisfy constraint: 'The repository {arn}x does not exist'", unknown.Message);
    }

    [Fact]
    public async Task A_lifecycle_policy_is_put_read_and_deleted_once_and_there_is_never_a_preview()
    {
        using var ecr = new AmazonECRClient(cloud.ClientOptions());
        var name = await CreateAsync(ecr);

        await ecr.PutLifecyclePolicyAsync(new PutLifecyclePolicyRequest { RepositoryName = name, LifecyclePolicyText = Policy });
        var read = await ecr.GetLifecyclePolicyAsync(new GetLifecyclePolicyRequest { RepositoryName = name });
        var deleted = await ecr.DeleteLifecyclePolicyAsync(new DeleteLifecyclePolicyRequest { RepositoryName = name });
        var again = await Assert.ThrowsAsync<LifecyclePolicyNotFoundException>(() => ecr.DeleteLifecyclePolicyAsync(new DeleteLifecyclePolicyRequest { RepositoryName = name }));
        var preview = await Assert.ThrowsAsync<LifecyclePolicyPreviewNotFoundException>(() => ecr.GetLifecyclePolicyPreviewAsync(new GetLifecyclePolicyPreviewRequest { RepositoryName = name }));

        Assert.Equal(("000000000000", name, Policy), (read.RegistryId, read.RepositoryName, read.LifecyclePolicyText));
        Assert.Equal(("000000000000", name, Policy), (deleted.RegistryId, deleted.RepositoryName, deleted.LifecyclePolicyText));
        Assert.Equal($"Lifecycle policy does not exist for the repository with name '{name}' in the registry with id '000000000000'", again.Message);
        Assert.Equal($"There is no dry run for this repository with name '{name}' in the registry with id '000000000000'", preview.Message);
        await Assert.ThrowsAsync<RepositoryNotFoundException>(() => ecr.GetLifecyclePolicyPreviewAsync(new GetLifecyclePolicyPreviewRequest { RepositoryName = name + "x" }));
    }

    [Fact]
    public async Task Images_are_listed_by_tag_status_and_a_repository_with_images_is_deleted_only_when_forced()
    {
        using var ecr = new AmazonECRClient(cloud.ClientOptions());
        var name = await CreateAsync(ecr);
        var tagged = (await ecr.PutImageAsync(new PutImageRequest { RepositoryName = name, ImageManifest = await cloud.PushImageBlobsAsync(name, "tagged"), ImageTag = "v1" })).Image!.ImageId!.ImageDigest!;
        await ecr.PutImageAsync(new PutImageRequest { RepositoryName = name, ImageManifest = await cloud.PushImageBlobsAsync(name, "tagged"), ImageTag = "latest" });
        var untagged = (await ecr.PutImageAsync(new PutImageRequest { RepositoryName = name, ImageManifest = await cloud.PushImageBlobsAsync(name, "untagged") })).Image!.ImageId!.ImageDigest!;

        var all = (await ecr.ListImagesAsync(new ListImagesRequest { RepositoryName = name })).ImageIds!;
        var onlyTagged = (await ecr.ListImagesAsync(new ListImagesRequest { RepositoryName = name, Filter = new ListImagesFilter { TagStatus = "TAGGED" } })).ImageIds!;
        var onlyUntagged = (await ecr.ListImagesAsync(new ListImagesRequest { RepositoryName = name, Filter = new ListImagesFilter { TagStatus = "UNTAGGED" } })).ImageIds!;
        var firstPage = await ecr.ListImagesAsync(new ListImagesRequest { RepositoryName = name, MaxResults = 1 });

        Assert.Equal([(tagged, "latest"), (tagged, "v1"), (untagged, null)], all.Select(i => (i.ImageDigest!, i.ImageTag)).OrderBy(i => i.Item1 == untagged).ThenBy(i => i.ImageTag, StringComparer.Ordinal));
        Assert.Equal(["latest", "v1"], onlyTagged.Select(i => i.ImageTag!).Order(StringComparer.Ordinal));
        Assert.Equal((untagged, null), (Assert.Single(onlyUntagged).ImageDigest!, onlyUntagged[0].ImageTag));
        Assert.Single(firstPage.ImageIds!);
        Assert.NotNull(firstPage.NextToken);

        var notEmpty = await Assert.ThrowsAsync<RepositoryNotEmptyException>(() => ecr.DeleteRepositoryAsync(new DeleteRepositoryRequest { RepositoryName = name }));
        Assert.Equal($"The repository with name '{name}' in registry with id '000000000000' cannot be deleted because it still contains images", notEmpty.Message);
        var deleted = (await ecr.DeleteRepositoryAsync(new DeleteRepositoryRequest { RepositoryName = name, Force = true })).Repository!;
        Assert.Equal((name, "000000000000", $"{cloud.RegistryHost}/{name}"), (deleted.RepositoryName, deleted.RegistryId, deleted.RepositoryUri));
        await Assert.ThrowsAsync<RepositoryNotFoundException>(() => ecr.ListImagesAsync(new ListImagesRequest { RepositoryName = name }));

        var recreated = await CreateAsync(ecr, name);
        Assert.Empty((await ecr.ListImagesAsync(new ListImagesRequest { RepositoryName = recreated })).ImageIds!);
    }

    [Fact]
    public async Task An_empty_repository_is_deleted_without_force()
    {
        using var ecr = new AmazonECRClient(cloud.ClientOptions());
        var name = await CreateAsync(ecr);

        var deleted = (await ecr.DeleteRepositoryAsync(new DeleteRepositoryRequest { RepositoryName = name })).Repository!;

        Assert.Equal(name, deleted.RepositoryName);
        Assert.DoesNotContain((await ecr.DescribeRepositoriesAsync(new DescribeRepositoriesRequest())).Repositories!, r => r.RepositoryName == name);
    }

    private static async Task<string> CreateAsync(AmazonECRClient ecr, string? name = null)
    {
        name ??= $"repo/{Guid.NewGuid():N}"[..17];
        await ecr.CreateRepositoryAsync(new CreateRepositoryRequest { RepositoryName = name });
        return name;
    }
}
