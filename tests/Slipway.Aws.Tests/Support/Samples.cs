using Slipway.Aws.Ecs.Model;
using KeyValuePair = Slipway.Aws.Ecs.Model.KeyValuePair;

namespace Slipway.Aws.Tests.Support;

/// <summary>Shapes as the pipeline fills them, shared by the moto and model tests.</summary>
internal static class Samples
{
    public static string Unique(string prefix) => $"{prefix}-{Guid.NewGuid():N}"[..(prefix.Length + 13)];

    public const string Manifest =
        """{"schemaVersion":2,"mediaType":"application/vnd.docker.distribution.manifest.v2+json","config":{"mediaType":"application/vnd.docker.container.image.v1+json","size":7023,"digest":"sha256:b5b2b2c507a0944348e0303114d8d93aaaa081732b86451d9bce1f432a537bc7"},"layers":[{"mediaType":"application/vnd.docker.image.rootfs.diff.tar.gzip","size":32654,"digest":"sha256:e692418e4cbaf90ca69d05a66403747baa33ee08806650b51fab815ad7fc331f"}]}""";

    public static string OtherManifest => Manifest.Replace("e692418e", "0000aaaa", StringComparison.Ordinal);

    public static RegisterTaskDefinitionRequest TaskDefinition(string family) => new()
    {
        Family = family,
        TaskRoleArn = "arn:aws:iam::123456789012:role/api-task",
        ExecutionRoleArn = "arn:aws:iam::123456789012:role/ecsTaskExecutionRole",
        NetworkMode = "awsvpc",
        RequiresCompatibilities = ["FARGATE"],
        Cpu = "256",
        Memory = "512",
        RuntimePlatform = new RuntimePlatform { CpuArchitecture = "X86_64", OperatingSystemFamily = "LINUX" },
        Tags = [new Tag { Key = "slipway:version", Value = "1.2.3" }, new Tag { Key = "slipway:commit", Value = "abc1234" }],
        ContainerDefinitions =
        [
            new ContainerDefinition
            {
                Name = "api",
                Image = "123456789012.dkr.ecr.us-east-1.amazonaws.com/api@sha256:b5b2b2c507a0944348e0303114d8d93aaaa081732b86451d9bce1f432a537bc7",
                Essential = true,
                Cpu = 256,
                Memory = 512,
                MemoryReservation = 256,
                PortMappings = [new PortMapping { ContainerPort = 8080, HostPort = 8080, Protocol = "tcp", Name = "http", AppProtocol = "http" }],
                Environment = [new KeyValuePair { Name = "ASPNETCORE_URLS", Value = "http://+:8080" }],
                Secrets = [new Secret { Name = "DB_PASSWORD", ValueFrom = "arn:aws:ssm:us-east-1:123456789012:parameter/db-password" }],
                HealthCheck = new HealthCheck { Command = ["CMD-SHELL", "curl -f http://localhost:8080/health || exit 1"], Interval = 10, Timeout = 5, Retries = 3, StartPeriod = 15 },
                LogConfiguration = new LogConfiguration
                {
                    LogDriver = "awslogs",
                    Options = new Dictionary<string, string> { ["awslogs-group"] = "/ecs/api", ["awslogs-region"] = "us-east-1", ["awslogs-stream-prefix"] = "api" },
                },
                EntryPoint = ["dotnet"],
                Command = ["Api.dll"],
                StopTimeout = 30,
            },
        ],
    };
}
