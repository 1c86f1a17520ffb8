using Amazon.Runtime;
using Slipway.Aws.Deployment;
using Slipway.Aws.Deployment.Environments;
using Slipway.Aws.Deployment.Records;
using Slipway.Aws.Deployment.Watching;
using Slipway.Aws.Ecr;
using Slipway.Aws.Ecr.Model;
using Slipway.Aws.Ecs;
using Slipway.Aws.Tests.Support;

namespace Slipway.Aws.Tests.Deployment;

/// <summary>
/// One environment on a moto_server, reached through a <see cref="CountingProxy"/> so that tests can count what the
/// server was asked: a unique repository, cluster and service, the repository's template, and images put by manifest.
/// </summary>
internal sealed class MotoDeployment : IDisposable
{
    public const string MotoAccount = "123456789012";

    private readonly MotoServer moto;

    public MotoDeployment(MotoServer moto, (string Subnet, string SecurityGroup) network)
    {
        this.moto = moto;
        Proxy = new CountingProxy(moto.Url);
        var suffix = Guid.NewGuid().ToString("N")[..8];
        Environment = new DeployEnvironment
        {
            Name = $"moto-{suffix}",
            File = $"deploy/environments/moto-{suffix}.json",
            Account = MotoAccount,
            Region = "us-east-1",
            Cluster = $"slipway-{suffix}",
            Service = $"api-{suffix}",
            Repository = $"slipway/api-{suffix}",
            Endpoints = new EnvironmentEndpoints { Ecs = Proxy.Url, Ecr = Proxy.Url, Sts = Proxy.Url },
            DesiredCount = 1,
            LaunchType = "FARGATE",
            NetworkConfiguration = new Ecs.Model.NetworkConfiguration { AwsvpcConfiguration = new Ecs.Model.AwsVpcConfiguration { Subnets = [network.Subnet], SecurityGroups = [network.SecurityGroup], AssignPublicIp = "DISABLED" } },
            Variables = new Dictionary<string, string> { ["cpu"] = "256", ["memory"] = "512", ["region"] = "us-east-1", ["executionRoleArn"] = $"arn:aws:iam::{MotoAccount}:role/ecsTaskExecutionRole" },
            Tags = new Dictionary<string, string> { ["team"] = "slipway" },
        };
        Ecs = new AmazonECSClient(Options(Proxy.Url));
        Ecr = new AmazonECRClient(Options(Proxy.Url));
    }

    public CountingProxy Proxy { get; }

    public static Task<(string Subnet, string SecurityGroup)> NetworkAsync(MotoServer moto) => MotoNetwork.DefaultsAsync(moto);

    /// <summary>A deployment on moto's default network whose ECR repository exists, as EnvironmentUp leaves it.</summary>
    public static async Task<MotoDeployment> WithRepositoryAsync(MotoServer moto)
    {
        var env = new MotoDeployment(moto, await NetworkAsync(moto));
        await EcsDeployMotoTests.EnsureRepositoryAsync(env);
        return env;
    }

    public DeployEnvironment Environment { get; set; }

    public AmazonECSClient Ecs { get; }

    public AmazonECRClient Ecr { get; }

    public RecordingLog Log { get; } = new();

    public static CallerIdentity Caller => new(MotoAccount, $"arn:aws:sts::{MotoAccount}:user/moto", "AIDAMOTOTESTUSERID");

    public AwsClientOptions Options(string url, AWSCredentials? credentials = null) => moto.Options(Log, credentials) with { ServiceUrl = url };

    /// <summary>An image in the repository (put by manifest, as a registry push would leave it); its digest.</summary>
    public async Task<string> PutImageAsync(string manifest, string tag)
    {
        var put = await Ecr.PutImageAsync(new PutImageRequest { RepositoryName = Environment.Repository, ImageManifest = manifest, ImageTag = tag });
        return put.Image!.ImageId!.ImageDigest!;
    }

    public EcsDeployRequest Request(string digest, string version = "1.0.0", WaitMode wait = WaitMode.None) => new()
    {
        Environment = Environment,
        Caller = Caller,
        TemplateFile = RepositoryFiles.Deploy("taskdef.json"),
        Digest = digest,
        Version = version,
        Commit = "0123456789abcdef0123456789abcdef01234567",
        Actor = "tester",
        Watch = new WatchOptions { Mode = wait, Timeout = TimeSpan.FromSeconds(20), PollInterval = TimeSpan.FromMilliseconds(200) },
        GetEnvironmentVariable = _ => null,
    };

    public Task<EcsDeployResult> DeployAsync(EcsDeployRequest request) =>
        new EcsDeployer(Ecs, Ecr, TimeProvider.System, Log, new LogDeploymentObserver(Log)).DeployAsync(request, CancellationToken.None);

    public void Dispose()
    {
        Ecs.Dispose();
        Ecr.Dispose();
        Proxy.Dispose();
    }
}
