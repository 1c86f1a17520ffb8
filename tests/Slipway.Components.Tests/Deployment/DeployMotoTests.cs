using System.Text.Json.Nodes;
using Slipway.Aws.Ecs;
using Slipway.Aws.Ecs.Model;
using Slipway.Aws.Tests.Deployment;
using Task = System.Threading.Tasks.Task;

namespace Slipway.Components.Tests.Deployment;

/// <summary>
/// The whole deploy through the components, as <c>./build.sh Deploy --environment moto --wait none</c> runs it, against
/// a real moto_server whose services run their tasks (behind a proxy that counts what it is asked), a real registry
/// and the real Docker engine.
/// </summary>
[Trait(TestCategories.Name, TestCategories.Integration)]
[Collection(UsesRunningServicesMoto.Name)]
public sealed class DeployMotoTests(RunningServicesMoto moto) : IAsyncLifetime
{
    private DeployRepository repository = null!;

    public async Task InitializeAsync()
    {
        repository = await DeployRepository.CreateAsync(moto);
        await repository.BuildImageAsync("1.0.0", "first", "abc1234");
    }

    public async Task DisposeAsync() => await repository.DisposeAsync();

    [Fact]
    public async Task Deploy_creates_everything_then_updates_and_a_second_identical_run_makes_no_writing_call()
    {
        using var timeout = TestTimeouts.Start(TimeSpan.FromMinutes(4));
        var proxy = repository.Proxy;

        var cold = await repository.RunAsync(timeout.Token, "Deploy", "--environment", "moto", "--wait", "none");
        Assert.True(cold.ExitCode == 0, cold.Output + cold.Error);
        // PutImage: moto's repository URI is no registry, so the layers go to endpoints.registry and the manifest to the ECR API.
        Assert.Equal(["CreateRepository", "PutLifecyclePolicy", "CreateCluster", "PutImage", "PutImage", "RegisterTaskDefinition", "CreateService"], proxy.WritingOperations);
        // Who we are is asked while the inputs are read, and answered before anything is written.
        Assert.InRange(proxy.Operations.ToList().IndexOf("GetCallerIdentity"), 0, proxy.Operations.ToList().IndexOf("CreateRepository") - 1);
        var record = JsonNode.Parse(await File.ReadAllTextAsync(repository.Root / "artifacts" / "deployments" / "moto.json"))!;
        Assert.Equal(("created", "not-waited"), (record["action"]!.ToString(), record["outcome"]!.ToString()));
        var digest = JsonNode.Parse(await File.ReadAllTextAsync(repository.Root / "artifacts" / "image.json"))!["digest"]!.ToString();
        Assert.EndsWith("@" + digest, record["image"]!.ToString(), StringComparison.Ordinal);
        using var ecs = new AmazonECSClient(moto.Options());
        var registered = await ecs.DescribeTaskDefinitionAsync(new DescribeTaskDefinitionRequest { TaskDefinition = record["taskDefinitionArn"]!.ToString(), Include = ["TAGS"] });
        Assert.Equal(["slipway:actor", "slipway:commit", "slipway:digest", "slipway:environment", "slipway:version"], registered.Tags!.Select(t => t.Key!).Order(StringComparer.Ordinal));
        Assert.Equal(digest, registered.Tags!.Single(t => t.Key == "slipway:digest").Value);
        Assert.Contains("Environment 'moto': account 123456789012, region us-east-1, caller arn:aws:sts::123456789012:user/moto", cold.Output, StringComparison.Ordinal);

        proxy.Clear();
        var again = await repository.RunAsync(timeout.Token, "Deploy", "--environment", "moto", "--wait", "none");
        Assert.True(again.ExitCode == 0, again.Output + again.Error);
        Assert.Empty(proxy.WritingOperations);
        Assert.Matches(@"EcrPush\s+UpToDate", again.Output); // the recorded digest is in the repository: not even run

        // Run anyway, EcrPush itself finds the image there.
        proxy.Clear();
        var forced = await repository.RunAsync(timeout.Token, "Deploy", "--environment", "moto", "--wait", "none", "--force", "EcrPush");
        Assert.True(forced.ExitCode == 0, forced.Output + forced.Error);
        Assert.Empty(proxy.WritingOperations);
        Assert.Contains("nothing uploaded, nothing written", forced.Output, StringComparison.Ordinal);
        // Each look once a build, not once a target: who we are (asked alongside), the repository, the image; then
        // the cluster, the service and the revision it runs.
        Assert.Single(proxy.Operations, o => o == "GetCallerIdentity");
        Assert.Equal(["DescribeRepositories", "GetLifecyclePolicy", "DescribeClusters", "DescribeImages", "DescribeServices", "DescribeTaskDefinition"], proxy.Operations.Where(o => o != "GetCallerIdentity"));

        await repository.BuildImageAsync("1.1.0", "second", "def5678");
        proxy.Clear();
        var dryRun = await repository.RunAsync(timeout.Token, "Deploy", "--environment", "moto", "--dry-run");
        Assert.True(dryRun.ExitCode == 0, dryRun.Output + dryRun.Error);
        Assert.Empty(proxy.WritingOperations);
        Assert.Contains("would push", dryRun.Output, StringComparison.Ordinal);
        Assert.Contains("Against what the service runs:", dryRun.Output, StringComparison.Ordinal);
        Assert.Contains("\"value\": \"**** (changed)\"", dryRun.Output, StringComparison.Ordinal); // SLIPWAY_VERSION, masked
        Assert.Contains($"Plan: ECS RegisterTaskDefinition slipway-api-moto; ECS UpdateService api-{repository.Suffix}", dryRun.Output, StringComparison.Ordinal);

        proxy.Clear();
        var updated = await repository.RunAsync(timeout.Token, "Deploy", "--environment", "moto", "--wait", "none");
        Assert.True(updated.ExitCode == 0, updated.Output + updated.Error);
        Assert.Equal(["PutImage", "PutImage", "RegisterTaskDefinition", "UpdateService"], proxy.WritingOperations);

        foreach (var run in new[] { cold, again, forced, dryRun, updated })
        {
            Assert.DoesNotContain(DeployRepository.SecretKey, run.Output + run.Error, StringComparison.Ordinal);
        }

        Assert.All(repository.ArtifactTexts(), text => Assert.DoesNotContain(DeployRepository.SecretKey, text, StringComparison.Ordinal));
    }
}
