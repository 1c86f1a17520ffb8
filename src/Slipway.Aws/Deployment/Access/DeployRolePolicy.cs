using System.Text.Json.Nodes;
using Slipway.Aws.Deployment.Environments;

namespace Slipway.Aws.Deployment.Access;

/// <summary>What the deploy role may touch: one environment's repository, cluster, service and task-definition family.</summary>
/// <param name="Environment">The environment file.</param>
/// <param name="TaskDefinitionFamily">The family the rendered template registers.</param>
/// <param name="TaskRoles">The execution and task roles the task definition names: ECS needs iam:PassRole on them.</param>
public sealed record DeployRoleScope(DeployEnvironment Environment, string TaskDefinitionFamily, IReadOnlyList<string> TaskRoles)
{
    /// <summary>The environment named by <c>promoteFrom</c>: Promote reads its release and copies its image.</summary>
    public DeployEnvironment? PromotionSource { get; init; }
}

/// <summary>
/// The IAM policy documents of the role CI deploys with, least privilege: only the ECR, ECS and STS actions that
/// EnvironmentUp, EcrPush, EcsDeploy, Promote, Rollback and Releases call (and that <c>docker push</c> to ECR needs),
/// each on the environment's own resources where the action has resource-level permissions (Promote's reads and
/// blob mounts on its <c>promoteFrom</c> environment's service and repository), plus iam:PassRole on the task's
/// roles; and the trust policy that lets GitHub Actions assume it through OIDC from one repository's one GitHub
/// environment.
/// </summary>
public static class DeployRolePolicy
{
    /// <summary>What the targets call on the repository through the ECR API.</summary>
    public static IReadOnlyList<string> EcrRepositoryActions { get; } =
    [
        "ecr:DescribeRepositories", "ecr:CreateRepository", "ecr:GetLifecyclePolicy", "ecr:PutLifecyclePolicy",
        "ecr:PutImageTagMutability", "ecr:PutImageScanningConfiguration", "ecr:DescribeImages", "ecr:PutImage",
    ];

    /// <summary>What <c>docker push</c> to an ECR registry is authorised as (the registry protocol, not the ECR API).</summary>
    public static IReadOnlyList<string> RegistryPushActions { get; } =
    [
        "ecr:BatchCheckLayerAvailability", "ecr:InitiateLayerUpload", "ecr:UploadLayerPart", "ecr:CompleteLayerUpload", "ecr:BatchGetImage", "ecr:PutImage",
    ];

    /// <summary>
    /// What Promote, Rollback and Releases read the releases with (ListTaskDefinitions has no resource-level
    /// permissions) and mark them with: a revision whose deployment succeeded, or that a rollback left, is tagged.
    /// </summary>
    public static IReadOnlyList<string> ReleaseRecordActions { get; } = ["ecs:ListTaskDefinitions", "ecs:TagResource"];

    /// <summary>What Promote does on its source: reads the service's release, the repository, and mounts or reads its blobs.</summary>
    public static IReadOnlyList<string> PromotionSourceActions { get; } =
    [
        "ecs:DescribeServices", "ecr:DescribeRepositories", "ecr:BatchGetImage", "ecr:GetDownloadUrlForLayer", "ecr:BatchCheckLayerAvailability",
    ];

    /// <summary>Authorised alongside another call rather than called: tags given on create, the roles a task definition names.</summary>
    public static IReadOnlyList<string> ImpliedActions { get; } = ["ecr:TagResource", "ecs:TagResource", "iam:PassRole"];

    private const string GitHubOidc = "token.actions.githubusercontent.com";

    public static JsonObject Permissions(DeployRoleScope scope)
    {
        ArgumentNullException.ThrowIfNull(scope);
        var e = scope.Environment;
        var prefix = $"arn:aws:ecs:{e.Region}:{e.Account}";
        var cluster = $"{prefix}:cluster/{e.Cluster}";
        var service = $"{prefix}:service/{e.Cluster}/{e.Service}";
        var family = $"{prefix}:task-definition/{scope.TaskDefinitionFamily}:*";
        var statements = new JsonArray
        {
            Statement("WhoAmI", ["sts:GetCallerIdentity"], ["*"]),
            Statement("EcrLogin", ["ecr:GetAuthorizationToken"], ["*"]),
            Statement("EcrRepository", [.. EcrRepositoryActions.Concat(RegistryPushActions).Append("ecr:TagResource").Distinct(StringComparer.Ordinal)], [$"arn:aws:ecr:{e.Region}:{e.Account}:repository/{e.Repository}"]),
            Statement("EcsCluster", ["ecs:DescribeClusters", "ecs:CreateCluster"], [cluster]),
            Statement("EcsService", ["ecs:DescribeServices", "ecs:CreateService", "ecs:UpdateService"], [service]),
            // RegisterTaskDefinition and DescribeTaskDefinition have no resource-level permissions in IAM.
            Statement("EcsTaskDefinitions", ["ecs:RegisterTaskDefinition", "ecs:DescribeTaskDefinition"], ["*"]),
            Statement("EcsStoppedTasks", ["ecs:ListTasks"], ["*"], new JsonObject { ["ArnEquals"] = new JsonObject { ["ecs:cluster"] = cluster } }),
            Statement("EcsTaskReasons", ["ecs:DescribeTasks"], [$"{prefix}:task/{e.Cluster}/*"]),
            Statement("EcsTagsOnCreate", ["ecs:TagResource"], [cluster, service, family],
                new JsonObject { ["StringEquals"] = new JsonObject { ["ecs:CreateAction"] = new JsonArray("CreateCluster", "CreateService", "RegisterTaskDefinition") } }),
            Statement("EcsReleaseHistory", ["ecs:ListTaskDefinitions"], ["*"]),
            Statement("EcsReleaseMarks", ["ecs:TagResource"], [family]),
        };
        if (scope.PromotionSource is { } source)
        {
            var sourcePrefix = $"arn:aws:ecs:{source.Region}:{source.Account}";
            statements.Add(Statement("PromotionSourceService", ["ecs:DescribeServices"], [$"{sourcePrefix}:service/{source.Cluster}/{source.Service}"]));
            statements.Add(Statement("PromotionSourceRepository", [.. PromotionSourceActions.Where(a => a.StartsWith("ecr:", StringComparison.Ordinal))], [$"arn:aws:ecr:{source.Region}:{source.Account}:repository/{source.Repository}"]));
        }

        if (scope.TaskRoles.Count > 0)
        {
            statements.Add(Statement("PassTaskRoles", ["iam:PassRole"], [.. scope.TaskRoles.Distinct(StringComparer.Ordinal)],
                new JsonObject { ["StringEquals"] = new JsonObject { ["iam:PassedToService"] = "ecs-tasks.amazonaws.com" } }));
        }

        return new JsonObject { ["Version"] = "2012-10-17", ["Statement"] = statements };
    }

    /// <summary>GitHub Actions of <paramref name="gitHubRepository"/> (<c>owner/name</c>), in its GitHub environment <paramref name="gitHubEnvironment"/> only.</summary>
    public static JsonObject Trust(DeployEnvironment environment, string gitHubRepository, string gitHubEnvironment)
    {
        ArgumentNullException.ThrowIfNull(environment);
        return new JsonObject
        {
            ["Version"] = "2012-10-17",
            ["Statement"] = new JsonArray
            {
                new JsonObject
                {
                    ["Sid"] = "GitHubActionsOidc",
                    ["Effect"] = "Allow",
                    ["Principal"] = new JsonObject { ["Federated"] = $"arn:aws:iam::{environment.Account}:oidc-provider/{GitHubOidc}" },
                    ["Action"] = "sts:AssumeRoleWithWebIdentity",
                    ["Condition"] = new JsonObject
                    {
                        ["StringEquals"] = new JsonObject
                        {
                            [$"{GitHubOidc}:aud"] = "sts.amazonaws.com",
                            [$"{GitHubOidc}:sub"] = $"repo:{gitHubRepository}:environment:{gitHubEnvironment}",
                        },
                    },
                },
            },
        };
    }

    /// <summary>Every action the permissions allow (for checks and messages).</summary>
    public static IReadOnlySet<string> AllowedActions(JsonObject permissions)
    {
        ArgumentNullException.ThrowIfNull(permissions);
        return permissions["Statement"]!.AsArray()
            .SelectMany(s => s!["Action"]!.AsArray().Select(a => a!.GetValue<string>()))
            .ToHashSet(StringComparer.Ordinal);
    }

    private static JsonObject Statement(string sid, string[] actions, string[] resources, JsonObject? condition = null)
    {
        var statement = new JsonObject
        {
            ["Sid"] = sid,
            ["Effect"] = "Allow",
            ["Action"] = new JsonArray([.. actions.Select(a => (JsonNode)a)]),
            ["Resource"] = new JsonArray([.. resources.Select(r => (JsonNode)r)]),
        };
        if (condition is not null)
        {
            statement["Condition"] = condition;
        }

        return statement;
    }
}
