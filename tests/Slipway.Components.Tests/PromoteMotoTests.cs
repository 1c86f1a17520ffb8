using System.Text.Json.Nodes;
using Amazon.Runtime;
using Slipway.Aws.Ecr;
using Slipway.Aws.Ecr.Model;
using Slipway.Aws.Ecs;
using Slipway.Aws.Ecs.Model;
using Slipway.Aws.Tests.Deployment;
using Slipway.Components.Tests.Deployment;
using Slipway.Docker;
using Task = System.Threading.Tasks.Task;

namespace Slipway.Components.Tests;

/// <summary>
/// Promote through the components, as <c>./build.sh Promote --from moto --to moto-qa</c> runs it, against a real
/// moto_server whose services run their tasks (behind a proxy that records every call) and a real registry behind
/// <c>endpoints.registry</c>: moto's repository URIs are no registry, so the image moves in the registry and the ECR
/// API of the target learns of it by PutImage, as after EcrPush.
/// </summary>
[Trait(TestCategories.Name, TestCategories.Integration)]
[Collection(UsesRunningServicesMoto.Name)]
public sealed class PromoteMotoTests(RunningServicesMoto moto) : IAsyncLifetime
{
    private const string Qa = "moto-qa";

    private DeployRepository repository = null!;

    public async Task InitializeAsync()
    {
        repository = await DeployRepository.CreateAsync(moto);
        await repository.BuildImageAsync("1.0.0", "first", "abc1234");
        WriteQaEnvironment();
    }

    public async Task DisposeAsync() => await repository.DisposeAsync();

    private JsonObject Moto => JsonNode.Parse(File.ReadAllText(repository.EnvironmentFile))!.AsObject();

    private JsonObject QaFile => JsonNode.Parse(File.ReadAllText(repository.Root / "deploy" / "environments" / $"{Qa}.json"))!.AsObject();

    [Fact]
    public async Task A_promotion_through_endpoints_registry_ends_with_the_image_tagged_in_the_registry_and_the_ECR_API()
    {
        using var timeout = TestTimeouts.Start(TimeSpan.FromMinutes(5));
        await DeployAndPrepareQaAsync(timeout.Token);
        var digest = JsonNode.Parse(await File.ReadAllTextAsync(repository.Root / "artifacts" / "image.json"))!["digest"]!.ToString();
        repository.Proxy.Clear();

        var promoted = await RunAsync(timeout.Token, "Promote", "--from", "moto", "--to", Qa, "--wait", "deployed");

        Assert.True(promoted.ExitCode == 0, promoted.Output + promoted.Error);
        var qaRepository = QaFile["repository"]!.GetValue<string>();
        // The copy into the registry, then the ECR API told, then the deploy: no build, no push of the image.
        Assert.Equal(["PutImage", "RegisterTaskDefinition", "CreateService", "TagResource"], repository.Proxy.WritingOperations);
        Assert.Contains($"\"repositoryName\":\"{qaRepository}\"", repository.Proxy.LastBody("PutImage").Replace(" ", "", StringComparison.Ordinal), StringComparison.Ordinal);
        using var ecr = new AmazonECRClient(moto.Options());
        var described = await ecr.DescribeImagesAsync(new DescribeImagesRequest { RepositoryName = qaRepository, ImageIds = [new ImageIdentifier { ImageTag = "1.0.0" }] }, timeout.Token);
        Assert.Equal(digest, Assert.Single(described.ImageDetails!).ImageDigest);
        using var registry = RegistryClient.ForHost(Moto["endpoints"]!["registry"]!.GetValue<string>());
        Assert.Equal(digest, (await registry.HeadManifestAsync(qaRepository, "1.0.0", timeout.Token))?.Digest);
        var record = JsonNode.Parse(await File.ReadAllTextAsync(repository.Root / "artifacts" / "deployments" / $"{Qa}.json"))!;
        Assert.Equal(("succeeded", digest), (record["outcome"]!.ToString(), record["digest"]!.ToString()));
        using var ecs = new AmazonECSClient(moto.Options());
        var registered = await ecs.DescribeTaskDefinitionAsync(new DescribeTaskDefinitionRequest { TaskDefinition = record["taskDefinitionArn"]!.ToString(), Include = ["TAGS"] }, timeout.Token);
        Assert.Equal(digest, registered.Tags!.Single(t => t.Key == "slipway:digest").Value);

        // Promoting again finds the tag in place: nothing copied, nothing put.
        repository.Proxy.Clear();
        var again = await RunAsync(timeout.Token, "Promote", "--from", "moto", "--to", Qa, "--wait", "none");
        Assert.True(again.ExitCode == 0, again.Output + again.Error);
        Assert.DoesNotContain("PutImage", repository.Proxy.WritingOperations);
        Assert.Contains($":1.0.0 is already {digest}: nothing copied", again.Output, StringComparison.Ordinal);
    }

    /// <summary>Runs a build of the deploy and release components in the test repository, the image steps skipped.</summary>
    private Task<InProcessBuild> RunAsync(CancellationToken cancellationToken, params string[] args) =>
        InProcessBuild.RunAsync(new ReleaseBuild(), repository.Root, [.. args, .. DeployRepository.SkipBuild], cancellationToken);

    /// <summary>The source deployed and waited for (moto completes a first deployment), the target's repository and cluster made.</summary>
    private async Task DeployAndPrepareQaAsync(CancellationToken cancellationToken)
    {
        var deployed = await RunAsync(cancellationToken, "Deploy", "--environment", "moto", "--wait", "deployed");
        Assert.True(deployed.ExitCode == 0, deployed.Output + deployed.Error);
        var up = await RunAsync(cancellationToken, "EnvironmentUp", "--environment", Qa);
        Assert.True(up.ExitCode == 0, up.Output + up.Error);
    }

    /// <summary>A second environment on the same moto and registry, with its own cluster, service and repository, promoted from 'moto'.</summary>
    private void WriteQaEnvironment()
    {
        var qa = Moto;
        qa["cluster"] = qa["cluster"]!.GetValue<string>() + "-qa";
        qa["service"] = qa["service"]!.GetValue<string>() + "-qa";
        qa["repository"] = qa["repository"]!.GetValue<string>() + "-qa";
        qa["promoteFrom"] = "moto";
        File.WriteAllText(repository.Root / "deploy" / "environments" / $"{Qa}.json", qa.ToJsonString());
    }

    /// <summary>The deploy and release components composed as build/Build.cs composes them; AWS keys from the test.</summary>
    private sealed class ReleaseBuild : NukeBuild, IDeploy, IPromote, IRollback, IReleases, IAwsPolicy
    {
        AbsolutePath IPublish.PublishProject => RootDirectory / "src" / "App" / "App.csproj";

        AWSCredentials? IDeployEnvironment.AwsCredentials => new BasicAWSCredentials("AKIDTESTING", DeployRepository.SecretKey);
    }
}
