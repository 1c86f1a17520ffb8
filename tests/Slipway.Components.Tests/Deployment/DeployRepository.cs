using Amazon.Runtime;
using Slipway.Aws.Tests.Deployment;
using Slipway.Aws.Tests.Support;
using Slipway.Docker;
using Task = System.Threading.Tasks.Task;

namespace Slipway.Components.Tests.Deployment;

/// <summary>
/// A repository to deploy from in a test: this repository's deploy/ files, an environment file 'moto' pointing at a
/// moto_server (through a <see cref="CountingProxy"/>) and a throw-away registry, and a tiny image FROM scratch
/// recorded as DockerBuild records the service's. Runs the deploy components in process.
/// </summary>
internal sealed class DeployRepository : IAsyncDisposable
{
    public const string SecretKey = "sentinel-secret-access-key-0000";

    /// <summary>The steps before the image: the tiny image stands in for the service.</summary>
    public static readonly string[] SkipBuild = ["--skip", "Restore", "Compile", "TestService", "Publish", "DockerBuild"];

    private readonly TestRepository repository = new();
    private readonly List<string> builtTags = [];
    private LocalRegistry? registry;
    private LocalDockerDaemon? engineHold;

    private DeployRepository(MotoServer moto)
    {
        Moto = moto;
        Proxy = new CountingProxy(moto.Url);
    }

    public MotoServer Moto { get; }

    public CountingProxy Proxy { get; }

    public string Suffix { get; } = Guid.NewGuid().ToString("N")[..8];

    public AbsolutePath Root => repository.Root;

    public RecordingLog Log { get; } = new();

    public AbsolutePath EnvironmentFile => Root / "deploy" / "environments" / "moto.json";

    public static async Task<DeployRepository> CreateAsync(MotoServer moto)
    {
        var created = new DeployRepository(moto);
        created.registry = await LocalRegistry.StartAsync(created.Log, TimeProvider.System, CancellationToken.None);
        foreach (var file in new[] { "taskdef.json", "ecr-lifecycle.json", "environment.schema.json" })
        {
            (created.Root / "deploy" / file).WriteAllText(File.ReadAllText(RepositoryRoot.Find() / "deploy" / file));
        }

        await created.WriteEnvironmentAsync();
        return created;
    }

    /// <summary>The environment file; <paramref name="account"/> and <paramref name="sts"/> replace what a test breaks.</summary>
    public async Task WriteEnvironmentAsync(string account = "123456789012", string? sts = null)
    {
        var network = await MotoNetwork.DefaultsAsync(Moto);
        EnvironmentFile.WriteAllText($$"""
            {
              "$schema": "../environment.schema.json",
              "account": "{{account}}",
              "region": "us-east-1",
              "cluster": "e2e-{{Suffix}}",
              "service": "api-{{Suffix}}",
              "repository": "slipway/e2e-{{Suffix}}",
              "endpoints": { "ecs": "{{Proxy.Url}}", "ecr": "{{Proxy.Url}}", "sts": "{{sts ?? Proxy.Url}}", "registry": "{{registry!.Host}}" },
              "desiredCount": 1,
              "launchType": "FARGATE",
              "networkConfiguration": { "awsvpcConfiguration": { "subnets": ["{{network.Subnet}}"], "securityGroups": ["{{network.SecurityGroup}}"] } },
              "variables": { "cpu": "256", "memory": "512", "region": "us-east-1", "executionRoleArn": "arn:aws:iam::123456789012:role/ecsTaskExecutionRole" }
            }
            """);
    }

    /// <summary>Runs the build with <paramref name="args"/>; a <c>--skip</c> among them adds to the steps skipped anyway.</summary>
    public Task<InProcessBuild> RunAsync(CancellationToken cancellationToken, params string[] args)
    {
        var skip = Array.IndexOf(args, "--skip");
        string[] arguments = skip < 0 ? [.. args, .. SkipBuild] : [.. args[..skip], .. SkipBuild, .. args[(skip + 1)..]];
        return InProcessBuild.RunAsync(new DeployBuild(), Root, arguments, cancellationToken);
    }

    /// <summary>A one-file image FROM scratch (nothing to pull), recorded as DockerBuild would record the service's.</summary>
    public async Task BuildImageAsync(string version, string content, string commit)
    {
        var context = Root / "image";
        (context / "content.txt").WriteAllText(content);
        (context / "Dockerfile").WriteAllText("FROM scratch\nCOPY content.txt /content.txt\n");
        using var engine = DockerEngine.FromEnvironment();
        // Held until disposed: a dockerd another test assembly started is not stopped while this test uses it.
        engineHold ??= await LocalDockerDaemon.EnsureRunningAsync(engine, Log, TimeProvider.System, CancellationToken.None);
        var tags = ImageTags.For($"slipway-e2e/{Suffix}", version, commit);
        builtTags.AddRange(tags);
        var built = await new ImageBuilder(engine).BuildAsync(new ImageBuildRequest { ContextDirectory = context, Dockerfile = context / "Dockerfile", Tags = tags }, Log, CancellationToken.None);
        await new ImageRecord($"slipway-e2e/{Suffix}", built.Id, built.Tags, version, commit + new string('0', 33), Digest: null, "scratch")
            .WriteAsync(Root / "artifacts" / "image.json", CancellationToken.None);
    }

    /// <summary>Every file under artifacts/, to look for secrets in.</summary>
    public IEnumerable<string> ArtifactTexts() =>
        (Root / "artifacts").DirectoryExists
            ? Directory.EnumerateFiles(Root / "artifacts", "*", SearchOption.AllDirectories).Select(File.ReadAllText)
            : [];

    public async ValueTask DisposeAsync()
    {
        using (var engine = DockerEngine.FromEnvironment())
        {
            // The built tags and those EcrPush and Promote added (registry/slipway/e2e-<suffix>:<version>).
            var images = await engine.Client.Images.ListImagesAsync(new global::Docker.DotNet.Models.ImagesListParameters());
            var pushedTags = images.SelectMany(i => i.RepoTags ?? []).Where(t => t.Contains($"e2e-{Suffix}:", StringComparison.Ordinal));
            foreach (var tag in builtTags.Concat(pushedTags).Distinct(StringComparer.Ordinal))
            {
                await engine.Client.Images.DeleteImageAsync(tag, new global::Docker.DotNet.Models.ImageDeleteParameters { Force = true });
            }
        }

        if (registry is not null)
        {
            await registry.DisposeAsync();
        }

        if (engineHold is not null)
        {
            await engineHold.DisposeAsync();
        }

        Proxy.Dispose();
        repository.Dispose();
    }

    /// <summary>This repository's deploy and release components, composed as build/Build.cs composes them; AWS keys from the test.</summary>
    private sealed class DeployBuild : NukeBuild, IDeploy, IPromote, IRollback, IReleases, IAwsPolicy
    {
        AbsolutePath IPublish.PublishProject => RootDirectory / "src" / "App" / "App.csproj";

        AWSCredentials? IDeployEnvironment.AwsCredentials => new BasicAWSCredentials("AKIDTESTING", SecretKey);
    }
}
