using Slipway.Aws.Ecs.Model;

namespace Slipway.Aws.Deployment.Environments;

/// <summary>
/// One <c>deploy/environments/&lt;name&gt;.json</c>: where the service runs and how. The members are spelt as in the
/// file (camelCase) and documented by <c>deploy/environment.schema.json</c>, which a test keeps in step with this type.
/// </summary>
public sealed record DeployEnvironment
{
    /// <summary>The file's name without <c>.json</c>: what <c>--environment</c> takes.</summary>
    public string Name { get; init; } = "";

    /// <summary>The file it was read from, for messages.</summary>
    public string File { get; init; } = "";

    /// <summary><c>aws</c> (the default) or <c>local</c> (the local cloud on this machine).</summary>
    public string Kind { get; init; } = EnvironmentKinds.Aws;

    /// <summary>The 12-digit AWS account the environment lives in; the build refuses to touch any other.</summary>
    public string Account { get; init; } = "";

    public string Region { get; init; } = "";

    public string Cluster { get; init; } = "";

    public string Service { get; init; } = "";

    /// <summary>The ECR repository name, e.g. <c>slipway/api</c>.</summary>
    public string Repository { get; init; } = "";

    public EnvironmentEndpoints Endpoints { get; init; } = new();

    public int DesiredCount { get; init; } = 1;

    public string? LaunchType { get; init; }

    public IReadOnlyList<CapacityProviderStrategyEntry>? CapacityProviderStrategy { get; init; }

    public NetworkConfiguration? NetworkConfiguration { get; init; }

    public IReadOnlyList<LoadBalancer>? LoadBalancers { get; init; }

    public int? HealthCheckGracePeriodSeconds { get; init; }

    /// <summary>Rolling-update percentages; the circuit breaker is always on with rollback, whatever this says.</summary>
    public DeploymentPercentages? DeploymentConfiguration { get; init; }

    /// <summary>Values for <c>{{var:NAME}}</c> in the task-definition template.</summary>
    public IReadOnlyDictionary<string, string> Variables { get; init; } = new Dictionary<string, string>();

    /// <summary>Tags put on the repository, cluster and service.</summary>
    public IReadOnlyDictionary<string, string> Tags { get; init; } = new Dictionary<string, string>();

    /// <summary>The environment whose deployed image Promote copies here.</summary>
    public string? PromoteFrom { get; init; }

    /// <summary>A protected environment is only deployed by promotion or from CI, never from a laptop by accident.</summary>
    public bool Protected { get; init; }

    /// <summary>
    /// The IAM role CI assumes through GitHub OIDC to deploy here (<c>arn:aws:iam::&lt;account&gt;:role/&lt;name&gt;</c>): the
    /// generated workflows pass it to aws-actions/configure-aws-credentials; <c>./build.sh AwsPolicy</c> writes its
    /// permissions and trust policy.
    /// </summary>
    public string? AwsRoleArn { get; init; }

    public bool IsLocal => Kind == EnvironmentKinds.Local;
}

/// <summary>The values of <see cref="DeployEnvironment.Kind"/>.</summary>
public static class EnvironmentKinds
{
    public const string Aws = "aws";
    public const string Local = "local";
}

/// <summary>Endpoint overrides; each null means the SDK's default for the region (or <c>AWS_ENDPOINT_URL_*</c>).</summary>
public sealed record EnvironmentEndpoints
{
    public string? Ecs { get; init; }

    public string? Ecr { get; init; }

    public string? Sts { get; init; }

    /// <summary>The host (<c>host:port</c>) to push to instead of the one in the repository URI (moto's is not real).</summary>
    public string? Registry { get; init; }
}

/// <summary>One entry of a capacity-provider strategy (used instead of a launch type).</summary>
public sealed record CapacityProviderStrategyEntry
{
    public string CapacityProvider { get; init; } = "";

    public int? Weight { get; init; }

    public int? Base { get; init; }
}

/// <summary>The rolling-update bounds (ECS's defaults are 100 and 200).</summary>
public sealed record DeploymentPercentages
{
    public int? MinimumHealthyPercent { get; init; }

    public int? MaximumPercent { get; init; }
}
