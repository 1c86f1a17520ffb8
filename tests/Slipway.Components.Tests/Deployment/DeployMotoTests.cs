using System.Text.Json.Nodes;
using Amazon.Runtime;
using Slipway.Aws.Ecs;
using Slipway.Aws.Ecs.Model;
using Slipway.Aws.Tests.Deployment;
using Slipway.Aws.Tests.Support;
using Slipway.Docker;
using Task = System.Threading.Tasks.Task;

namespace Slipway.Components.Tests.Deployment;

/// <summary>
/// The whole deploy through the components, as <c>./build.sh Deploy --environment moto --wait none</c> runs it, against
/// a real moto_server (behind a proxy that counts what it is asked), a real registry and the real Docker engine. The
/// steps before the image (restore, compile, tests, publish, build) are skipped: a tiny image stands in for the service.
/// </summary>
[Trait(TestCategories.Name, TestCategories.Integration)]
[Collection(UsesRunningServicesMoto.Name)]
public sealed class DeployMotoTests(RunningServicesMoto moto) : IAsyncLifetime, IDisposable
{
    private const string SecretKey = "sentinel-secret-access-key-0000";
    private static readonly string[] SkipBuild = ["--skip", "Restore", "Compile", "TestService", "Publish", "DockerBuild"];

    private readonly string suffix = Guid.NewGuid().ToString("N")[..8];
    private TestRepository? repository;
    private readonly RecordingLog log = new();
    private readonly List<string> builtTags = [];
    private LocalRegistry? registry;
    private CountingProxy? proxy;

    private AbsolutePath Root => repository!.Root;

    /// <summary>This repository's deploy components, composed as build/Build.cs composes them; AWS keys from the test.</summary>
    private sealed class DeployBuild : NukeBuild, IDeploy
    {
        AbsolutePath IPublish.PublishProject => RootDirectory / "src" / "App" / "App.csproj";

        AWSCredentials? IDeployEnvironment.AwsCredentials => new BasicAWSCredentials("AKIDTESTING", SecretKey);
    }

    public async Task InitializeAsync()
    {
        repository = new TestRepository();
        registry = await LocalRegistry.StartAsync(log, TimeProvider.System, CancellationToken.None);
        proxy = new CountingProxy(moto.Url);
        var network = await MotoNetwork.DefaultsAsync(moto);
        (Root / ".nuke").CreateDirectory();
        foreach (var file in new[] { "taskdef.json", "ecr-lifecycle.json", "environment.schema.json" })
        {
            (Root / "deploy" / file).WriteAllText(File.ReadAllText(RepositoryRoot.Find() / "deploy" / file));
        }

        (Root / "deploy" / "environments" / "moto.json").WriteAllText($$"""
            {
              "$schema": "../environment.schema.json",
              "account": "123456789012",
              "region": "us-east-1",
              "cluster": "e2e-{{suffix}}",
              "service": "api-{{suffix}}",
              "repository": "slipway/e2e-{{suffix}}",
              "endpoints": { "ecs": "{{proxy.Url}}", "ecr": "{{proxy.Url}}", "sts": "{{proxy.Url}}", "registry": "{{registry.Host}}" },
              "desiredCount": 1,
              "launchType": "FARGATE",
              "networkConfiguration": { "awsvpcConfiguration": { "subnets": ["{{network.Subnet}}"], "securityGroups": ["{{network.SecurityGroup}}"] } },
              "variables": { "cpu": "256", "memory": "512", "region": "us-east-1", "executionRoleArn": "arn:aws:iam::123456789012:role/ecsTaskExecutionRole" }
            }
            """);
        await BuildTinyImageAsync("1.0.0", "first", "abc1234");
    }

    public async Task DisposeAsync()
    {
        using (var engine = DockerEngine.FromEnvironment())
        {
            foreach (var tag in builtTags)
            {
                await engine.Client.Images.DeleteImageAsync(tag, new global::Docker.DotNet.Models.ImageDeleteParameters { Force = true });
            }
        }

        if (registry is not null)
        {
            await registry.DisposeAsync();
        }
    }

    public void Dispose()
    {
        proxy?.Dispose();
        repository?.Dispose();
    }

    [Fact]
    public async Task Deploy_creates_everything_then_updates_and_a_second_identical_run_makes_no_writing_call()
    {
        using var timeout = TestTimeouts.Start(TimeSpan.FromMinutes(4));

        var cold = await RunAsync(timeout.Token, "Deploy", "--environment", "moto", "--wait", "none");
        Assert.True(cold.ExitCode == 0, cold.Output + cold.Error);
        // PutImage: moto's repository URI is no registry, so the layers go to endpoints.registry and the manifest to the ECR API.
        Assert.Equal(["CreateRepository", "PutLifecyclePolicy", "CreateCluster", "PutImage", "PutImage", "RegisterTaskDefinition", "CreateService"], proxy!.WritingOperations);
        var record = JsonNode.Parse(await File.ReadAllTextAsync(Root / "artifacts" / "deployments" / "moto.json"))!;
        Assert.Equal(("created", "not-waited"), (record["action"]!.ToString(), record["outcome"]!.ToString()));
        var digest = JsonNode.Parse(await File.ReadAllTextAsync(Root / "artifacts" / "image.json"))!["digest"]!.ToString();
        Assert.EndsWith("@" + digest, record["image"]!.ToString(), StringComparison.Ordinal);
        using var ecs = new AmazonECSClient(moto.Options() with { ServiceUrl = moto.Url });
        var registered = await ecs.DescribeTaskDefinitionAsync(new DescribeTaskDefinitionRequest { TaskDefinition = record["taskDefinitionArn"]!.ToString(), Include = ["TAGS"] });
        Assert.Equal(["slipway:actor", "slipway:commit", "slipway:digest", "slipway:environment", "slipway:version"], registered.Tags!.Select(t => t.Key!).Order(StringComparer.Ordinal));
        Assert.Equal(digest, registered.Tags!.Single(t => t.Key == "slipway:digest").Value);

        proxy.Clear();
        var again = await RunAsync(timeout.Token, "Deploy", "--environment", "moto", "--wait", "none");
        Assert.True(again.ExitCode == 0, again.Output + again.Error);
        Assert.Empty(proxy.WritingOperations);
        Assert.Contains("nothing uploaded, nothing written", again.Output, StringComparison.Ordinal);

        await BuildTinyImageAsync("1.1.0", "second", "def5678");
        proxy.Clear();
        var updated = await RunAsync(timeout.Token, "Deploy", "--environment", "moto", "--wait", "none");
        Assert.True(updated.ExitCode == 0, updated.Output + updated.Error);
        Assert.Equal(["PutImage", "PutImage", "RegisterTaskDefinition", "UpdateService"], proxy.WritingOperations);

        foreach (var output in new[] { cold, again, updated })
        {
            Assert.DoesNotContain(SecretKey, output.Output + output.Error, StringComparison.Ordinal);
        }

        foreach (var file in Directory.EnumerateFiles(Root / "artifacts", "*", SearchOption.AllDirectories))
        {
            Assert.DoesNotContain(SecretKey, await File.ReadAllTextAsync(file), StringComparison.Ordinal);
        }
    }

    private Task<InProcessBuild> RunAsync(CancellationToken cancellationToken, params string[] args) =>
        InProcessBuild.RunAsync(new DeployBuild(), Root, [.. args, .. SkipBuild], cancellationToken);

    /// <summary>A two-file image FROM scratch (nothing to pull), recorded as DockerBuild would record the service's.</summary>
    private async Task BuildTinyImageAsync(string version, string content, string commit)
    {
        var context = Root / "image";
        context.CreateDirectory();
        (context / "content.txt").WriteAllText(content);
        (context / "Dockerfile").WriteAllText("FROM scratch\nCOPY content.txt /content.txt\n");
        using var engine = DockerEngine.FromEnvironment();
        var tags = ImageTags.For($"slipway-e2e/{suffix}", version, commit);
        builtTags.AddRange(tags);
        var built = await new ImageBuilder(engine).BuildAsync(new ImageBuildRequest { ContextDirectory = context, Dockerfile = context / "Dockerfile", Tags = tags }, log, CancellationToken.None);
        await new ImageRecord($"slipway-e2e/{suffix}", built.Id, built.Tags, version, commit + new string('0', 33), Digest: null, "scratch")
            .WriteAsync(Root / "artifacts" / "image.json", CancellationToken.None);
    }
}
