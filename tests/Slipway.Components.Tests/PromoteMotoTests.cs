using System.Text.Json.Nodes;
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

        var promoted = await repository.RunAsync(timeout.Token, "Promote", "--from", "moto", "--to", Qa, "--wait", "deployed");

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
        var again = await repository.RunAsync(timeout.Token, "Promote", "--from", "moto", "--to", Qa, "--wait", "none");
        Assert.True(again.ExitCode == 0, again.Output + again.Error);
        Assert.DoesNotContain("PutImage", repository.Proxy.WritingOperations);
        Assert.Contains($":1.0.0 is already {digest}: nothing copied", again.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Promote_Rollback_and_Releases_call_only_what_the_targets_AwsPolicy_allows_on_the_resources_it_names()
    {
        using var timeout = TestTimeouts.Start(TimeSpan.FromMinutes(6));
        await DeployAndPrepareQaAsync(timeout.Token);
        var calls = new List<(string Action, string Body)>();

        // With the target's role: a first promotion (waited: its success is marked), a second release promoted, a
        // rollback to the first, and the releases of both environments.
        repository.Proxy.Clear();
        var first = await repository.RunAsync(timeout.Token, "Promote", "--from", "moto", "--to", Qa, "--wait", "deployed");
        Assert.True(first.ExitCode == 0, first.Output + first.Error);
        calls.AddRange(repository.Proxy.Calls);
        await repository.BuildImageAsync("1.1.0", "second", "def5678");
        var second = await repository.RunAsync(timeout.Token, "Deploy", "--environment", "moto", "--wait", "none");
        Assert.True(second.ExitCode == 0, second.Output + second.Error);
        repository.Proxy.Clear();
        foreach (var run in new[]
        {
            new[] { "Promote", "--from", "moto", "--to", Qa, "--wait", "none" },
            ["Rollback", "--environment", Qa, "--wait", "none"],
            ["Releases", "--json"],
        })
        {
            var result = await repository.RunAsync(timeout.Token, run);
            Assert.True(result.ExitCode == 0, string.Join(' ', run) + ": " + result.Output + result.Error);
        }

        calls.AddRange(repository.Proxy.Calls);
        var written = await repository.RunAsync(timeout.Token, "AwsPolicy", "--environment", Qa, "--github-repository", "octo/slipway");
        Assert.True(written.ExitCode == 0, written.Output + written.Error);
        var policy = new PolicyCheck(JsonNode.Parse(File.ReadAllText(repository.Root / "artifacts" / "aws-policy" / Qa / "permissions.json"))!.AsObject());

        var refused = calls.Select(c => (c.Action, Resources: policy.Refused(c.Action, c.Body))).Where(c => c.Resources.Count > 0)
            .Select(c => $"{c.Action} on {string.Join(", ", c.Resources)}").Distinct().ToList();
        Assert.True(refused.Count == 0, "the policy of '" + Qa + "' does not allow: " + string.Join("; ", refused));
        // The calls that needed the new statements were made, on the source and on the target.
        var source = Moto;
        Assert.Contains(calls, c => c.Action == "ecs:DescribeServices" && c.Body.Contains(source["service"]!.GetValue<string>() + "\"", StringComparison.Ordinal));
        Assert.Contains(calls, c => c.Action == "ecr:DescribeRepositories" && c.Body.Contains(source["repository"]!.GetValue<string>() + "\"", StringComparison.Ordinal));
        Assert.Contains(calls, c => c.Action == "ecs:ListTaskDefinitions");
        Assert.Contains(calls, c => c.Action == "ecs:TagResource");
        Assert.Contains(calls, c => c.Action == "ecs:UpdateService");
        // What the policy would refuse is refused: another repository, another service.
        Assert.NotEmpty(policy.Refused("ecr:BatchGetImage", """{"repositoryName":"someone/else"}"""));
        Assert.NotEmpty(policy.Refused("ecs:UpdateService", $$"""{"cluster":"{{source["cluster"]}}","service":"{{source["service"]}}"}"""));
        Assert.NotEmpty(policy.Refused("ecs:DeleteService", $$"""{"cluster":"{{QaFile["cluster"]}}","service":"{{QaFile["service"]}}"}"""));
    }

    /// <summary>The source deployed and waited for (moto completes a first deployment), the target's repository and cluster made.</summary>
    private async Task DeployAndPrepareQaAsync(CancellationToken cancellationToken)
    {
        var deployed = await repository.RunAsync(cancellationToken, "Deploy", "--environment", "moto", "--wait", "deployed");
        Assert.True(deployed.ExitCode == 0, deployed.Output + deployed.Error);
        var up = await repository.RunAsync(cancellationToken, "EnvironmentUp", "--environment", Qa);
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
}
