using System.Net;
using Slipway.Aws.Ecr.Model;
using Slipway.Aws.Tests.Support;

namespace Slipway.Aws.Tests;

/// <summary>Every ECR operation against a real moto_server: our shapes, moto's (and botocore's) idea of the wire.</summary>
[Collection(UsesMoto.Name)]
public sealed class EcrMotoTests(MotoServer moto)
{
    [Fact]
    public async Task CreateRepository_then_DescribeRepositories_returns_it_with_its_settings()
    {
        using var ecr = moto.Ecr();
        var name = Samples.Unique("api");

        var created = await ecr.CreateRepositoryAsync(new CreateRepositoryRequest
        {
            RepositoryName = name,
            ImageTagMutability = "IMMUTABLE",
            ImageScanningConfiguration = new ImageScanningConfiguration { ScanOnPush = true },
            EncryptionConfiguration = new EncryptionConfiguration { EncryptionType = "AES256" },
            Tags = [new Tag { Key = "team", Value = "platform" }],
        });
        var described = await ecr.DescribeRepositoriesAsync(new DescribeRepositoriesRequest { RepositoryNames = [name] });

        Assert.Equal($"arn:aws:ecr:us-east-1:123456789012:repository/{name}", created.Repository?.RepositoryArn);
        var repository = Assert.Single(described.Repositories!);
        Assert.Equal(name, repository.RepositoryName);
        Assert.Equal($"123456789012.dkr.ecr.us-east-1.amazonaws.com/{name}", repository.RepositoryUri);
        Assert.Equal("IMMUTABLE", repository.ImageTagMutability);
        Assert.True(repository.ImageScanningConfiguration?.ScanOnPush);
        Assert.Equal("AES256", repository.EncryptionConfiguration?.EncryptionType);
        Assert.InRange(repository.CreatedAt!.Value, DateTime.UtcNow.AddMinutes(-5), DateTime.UtcNow.AddMinutes(5));
        Assert.Equal(DateTimeKind.Utc, repository.CreatedAt.Value.Kind);
    }

    [Fact]
    public async Task CreateRepository_of_an_existing_name_throws_RepositoryAlreadyExistsException()
    {
        using var ecr = moto.Ecr();
        var name = Samples.Unique("api");
        await ecr.CreateRepositoryAsync(new CreateRepositoryRequest { RepositoryName = name });

        var error = await Assert.ThrowsAsync<RepositoryAlreadyExistsException>(() => ecr.CreateRepositoryAsync(new CreateRepositoryRequest { RepositoryName = name }));

        Assert.Equal("RepositoryAlreadyExistsException", error.ErrorCode);
        Assert.Equal($"The repository with name '{name}' already exists in the registry with id '123456789012'", error.Message);
        Assert.Equal(HttpStatusCode.BadRequest, error.StatusCode);
        Assert.Equal("ECR CreateRepository", error.Operation);
    }

    [Fact]
    public async Task CreateRepository_with_an_invalid_name_throws_InvalidParameterException()
    {
        using var ecr = moto.Ecr();

        var error = await Assert.ThrowsAsync<InvalidParameterException>(() => ecr.CreateRepositoryAsync(new CreateRepositoryRequest { RepositoryName = "Not A Valid Name" }));

        Assert.StartsWith("Invalid parameter at 'repositoryName' failed to satisfy constraint", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task DescribeImages_of_an_unknown_repository_throws_RepositoryNotFoundException()
    {
        using var ecr = moto.Ecr();

        var error = await Assert.ThrowsAsync<RepositoryNotFoundException>(() => ecr.DescribeImagesAsync(new DescribeImagesRequest { RepositoryName = "no-such-repository" }));

        Assert.Equal("The repository with name 'no-such-repository' does not exist in the registry with id '123456789012'", error.Message);
        Assert.Equal(HttpStatusCode.BadRequest, error.StatusCode);
    }

    [Fact]
    public async Task PutImage_then_DescribeImages_and_BatchGetImage_return_it_by_tag_and_digest()
    {
        using var ecr = moto.Ecr();
        var name = Samples.Unique("api");
        await ecr.CreateRepositoryAsync(new CreateRepositoryRequest { RepositoryName = name });

        var put = await ecr.PutImageAsync(new PutImageRequest
        {
            RepositoryName = name,
            ImageManifest = Samples.Manifest,
            ImageManifestMediaType = "application/vnd.docker.distribution.manifest.v2+json",
            ImageTag = "1.0.0",
        });
        var digest = put.Image?.ImageId?.ImageDigest;
        var details = await ecr.DescribeImagesAsync(new DescribeImagesRequest { RepositoryName = name, ImageIds = [new ImageIdentifier { ImageTag = "1.0.0" }] });
        var fetched = await ecr.BatchGetImageAsync(new BatchGetImageRequest
        {
            RepositoryName = name,
            ImageIds = [new ImageIdentifier { ImageDigest = digest }],
            AcceptedMediaTypes = ["application/vnd.docker.distribution.manifest.v2+json"],
        });

        Assert.StartsWith("sha256:", digest, StringComparison.Ordinal);
        var detail = Assert.Single(details.ImageDetails!);
        Assert.Equal(digest, detail.ImageDigest);
        Assert.Equal(["1.0.0"], detail.ImageTags!);
        Assert.NotNull(detail.ImagePushedAt);
        var image = Assert.Single(fetched.Images!);
        Assert.Equal(digest, image.ImageId?.ImageDigest);
        Assert.Contains("e692418e4cbaf90ca69d05a66403747baa33ee08806650b51fab815ad7fc331f", image.ImageManifest, StringComparison.Ordinal);
        Assert.Empty(fetched.Failures ?? []);
    }

    /// <remarks>
    /// ECR answers ImageTagAlreadyExistsException here; moto 5.2.1 answers ImageAlreadyExistsException (with ECR's
    /// wording for that case). The mapping of ImageTagAlreadyExistsException is covered by ErrorMappingTests.
    /// </remarks>
    [Fact]
    public async Task PutImage_of_an_existing_tag_in_an_IMMUTABLE_repository_is_refused_with_a_typed_exception()
    {
        using var ecr = moto.Ecr();
        var name = Samples.Unique("api");
        await ecr.CreateRepositoryAsync(new CreateRepositoryRequest { RepositoryName = name, ImageTagMutability = "IMMUTABLE" });
        await ecr.PutImageAsync(new PutImageRequest { RepositoryName = name, ImageManifest = Samples.Manifest, ImageTag = "1.0.0" });

        var error = await Assert.ThrowsAsync<ImageAlreadyExistsException>(
            () => ecr.PutImageAsync(new PutImageRequest { RepositoryName = name, ImageManifest = Samples.OtherManifest, ImageTag = "1.0.0" }));

        Assert.Contains("tag '1.0.0' already exists in the repository", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task BatchDeleteImage_deletes_what_exists_and_reports_what_does_not()
    {
        using var ecr = moto.Ecr();
        var name = Samples.Unique("api");
        await ecr.CreateRepositoryAsync(new CreateRepositoryRequest { RepositoryName = name });
        await ecr.PutImageAsync(new PutImageRequest { RepositoryName = name, ImageManifest = Samples.Manifest, ImageTag = "old" });

        var deleted = await ecr.BatchDeleteImageAsync(new BatchDeleteImageRequest
        {
            RepositoryName = name,
            ImageIds = [new ImageIdentifier { ImageTag = "old" }, new ImageIdentifier { ImageTag = "never-pushed" }],
        });

        Assert.Equal("old", Assert.Single(deleted.ImageIds!).ImageTag);
        var failure = Assert.Single(deleted.Failures!);
        Assert.Equal("never-pushed", failure.ImageId?.ImageTag);
        Assert.Equal("ImageNotFound", failure.FailureCode);
    }

    [Fact]
    public async Task GetLifecyclePolicy_throws_LifecyclePolicyNotFoundException_until_PutLifecyclePolicy_sets_one()
    {
        using var ecr = moto.Ecr();
        var name = Samples.Unique("api");
        await ecr.CreateRepositoryAsync(new CreateRepositoryRequest { RepositoryName = name });
        const string policy = """{"rules":[{"rulePriority":1,"description":"expire untagged","selection":{"tagStatus":"untagged","countType":"sinceImagePushed","countUnit":"days","countNumber":14},"action":{"type":"expire"}}]}""";

        var missing = await Assert.ThrowsAsync<LifecyclePolicyNotFoundException>(() => ecr.GetLifecyclePolicyAsync(new GetLifecyclePolicyRequest { RepositoryName = name }));
        var put = await ecr.PutLifecyclePolicyAsync(new PutLifecyclePolicyRequest { RepositoryName = name, LifecyclePolicyText = policy });
        var got = await ecr.GetLifecyclePolicyAsync(new GetLifecyclePolicyRequest { RepositoryName = name });

        Assert.StartsWith("Lifecycle policy does not exist for the repository", missing.Message, StringComparison.Ordinal);
        Assert.Equal(name, put.RepositoryName);
        Assert.Equal(policy, got.LifecyclePolicyText);
        Assert.Equal("123456789012", got.RegistryId);
    }

    [Fact]
    public async Task PutImageScanningConfiguration_and_PutImageTagMutability_change_the_repository()
    {
        using var ecr = moto.Ecr();
        var name = Samples.Unique("api");
        await ecr.CreateRepositoryAsync(new CreateRepositoryRequest { RepositoryName = name, ImageTagMutability = "MUTABLE" });

        var scanning = await ecr.PutImageScanningConfigurationAsync(new PutImageScanningConfigurationRequest
        {
            RepositoryName = name,
            ImageScanningConfiguration = new ImageScanningConfiguration { ScanOnPush = true },
        });
        var mutability = await ecr.PutImageTagMutabilityAsync(new PutImageTagMutabilityRequest { RepositoryName = name, ImageTagMutability = "IMMUTABLE" });
        var repository = Assert.Single((await ecr.DescribeRepositoriesAsync(new DescribeRepositoriesRequest { RepositoryNames = [name] })).Repositories!);

        Assert.True(scanning.ImageScanningConfiguration?.ScanOnPush);
        Assert.Equal("IMMUTABLE", mutability.ImageTagMutability);
        Assert.True(repository.ImageScanningConfiguration?.ScanOnPush);
        Assert.Equal("IMMUTABLE", repository.ImageTagMutability);
    }

    [Fact]
    public async Task TagResource_tags_a_repository_and_refuses_an_unknown_one()
    {
        using var ecr = moto.Ecr();
        var name = Samples.Unique("api");
        var arn = (await ecr.CreateRepositoryAsync(new CreateRepositoryRequest { RepositoryName = name })).Repository!.RepositoryArn!;

        var tagged = await ecr.TagResourceAsync(new TagResourceRequest { ResourceArn = arn, Tags = [new Tag { Key = "env", Value = "staging" }] });
        var error = await Assert.ThrowsAsync<RepositoryNotFoundException>(
            () => ecr.TagResourceAsync(new TagResourceRequest { ResourceArn = arn + "-gone", Tags = [new Tag { Key = "env", Value = "x" }] }));

        Assert.NotNull(tagged);
        Assert.Contains("-gone", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task GetAuthorizationToken_returns_a_token_that_no_log_line_repeats()
    {
        var log = new RecordingLog();
        using var ecr = moto.Ecr(log);

        var response = await ecr.GetAuthorizationTokenAsync(new GetAuthorizationTokenRequest());

        var data = Assert.Single(response.AuthorizationData!);
        Assert.False(string.IsNullOrEmpty(data.AuthorizationToken));
        Assert.StartsWith("https://", data.ProxyEndpoint, StringComparison.Ordinal);
        Assert.NotNull(data.ExpiresAt);
        Assert.Matches(@"^ECR GetAuthorizationToken → 200 \(\d+ ms\)$", Assert.Single(log.Lines).Message);
        Assert.DoesNotContain(data.AuthorizationToken!, log.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Paginators_enumerate_repositories_and_images()
    {
        using var ecr = moto.Ecr();
        var name = Samples.Unique("api");
        await ecr.CreateRepositoryAsync(new CreateRepositoryRequest { RepositoryName = name });
        await ecr.PutImageAsync(new PutImageRequest { RepositoryName = name, ImageManifest = Samples.Manifest, ImageTag = "a" });
        await ecr.PutImageAsync(new PutImageRequest { RepositoryName = name, ImageManifest = Samples.OtherManifest, ImageTag = "b" });

        var repositories = await ecr.Paginators.DescribeRepositories(new DescribeRepositoriesRequest { MaxResults = 1000 }).Items.ToListAsync();
        var images = await ecr.Paginators.DescribeImages(new DescribeImagesRequest { RepositoryName = name }).Items.ToListAsync();

        Assert.Contains(repositories, r => r.RepositoryName == name);
        Assert.Equal(["a", "b"], images.SelectMany(i => i.ImageTags ?? []).Order().ToArray());
    }
}
