using System.Globalization;
using System.Security.Cryptography;

namespace Slipway.LocalCloud.State;

/// <summary>
/// The account and region the local cloud pretends to be, and the ARN and id formats of ECS and ECR
/// (ecs-behaviour.md §5), so every name it hands out has the shape AWS gives it.
/// </summary>
internal sealed record CloudIdentity(string Region, string RegistryHost)
{
    public const string Account = "000000000000";

    public const string CallerArn = "arn:aws:iam::" + Account + ":root";

    public string ClusterArn(string cluster) => $"arn:aws:ecs:{Region}:{Account}:cluster/{cluster}";

    public string ServiceArn(string cluster, string service) => $"arn:aws:ecs:{Region}:{Account}:service/{cluster}/{service}";

    public string TaskArn(string cluster, string taskId) => $"arn:aws:ecs:{Region}:{Account}:task/{cluster}/{taskId}";

    public string ContainerArn(string cluster, string taskId) => $"arn:aws:ecs:{Region}:{Account}:container/{cluster}/{taskId}/{Guid.NewGuid():D}";

    public string TaskDefinitionArn(string family, int revision) => $"arn:aws:ecs:{Region}:{Account}:task-definition/{family}:{revision.ToString(CultureInfo.InvariantCulture)}";

    public string RepositoryArn(string repository) => $"arn:aws:ecr:{Region}:{Account}:repository/{repository}";

    public string RepositoryUri(string repository) => $"{RegistryHost}/{repository}";

    /// <summary>32 lowercase hex digits, as long-format task ids are.</summary>
    public static string NewTaskId() => Guid.NewGuid().ToString("N");

    /// <summary><c>ecs-svc/</c> and 19 digits, zero-padded; opaque to clients (ECS's newer ids look random too).</summary>
    public static string NewDeploymentId()
    {
        var value = BitConverter.ToInt64(RandomNumberGenerator.GetBytes(8)) & long.MaxValue;
        return "ecs-svc/" + value.ToString("D19", CultureInfo.InvariantCulture);
    }
}
