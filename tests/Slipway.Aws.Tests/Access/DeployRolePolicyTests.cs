using System.Text.Json.Nodes;
using Slipway.Aws.Deployment.Access;
using Slipway.Aws.Deployment.Environments;

namespace Slipway.Aws.Tests.Access;

/// <summary>The documents a user pastes into IAM: asserted whole, since any missing action or resource breaks a deploy.</summary>
public sealed class DeployRolePolicyTests
{
    private static readonly DeployEnvironment Production = new()
    {
        Name = "production",
        Account = "123456789012",
        Region = "eu-west-1",
        Cluster = "prod-cluster",
        Service = "api",
        Repository = "slipway/api",
        PromoteFrom = "staging",
    };

    private static readonly DeployEnvironment Staging = new()
    {
        Name = "staging",
        Account = "210987654321",
        Region = "eu-central-1",
        Cluster = "stage-cluster",
        Service = "api-staging",
        Repository = "slipway/api-staging",
    };

    private const string CommonStatements = """
        { "Sid": "WhoAmI", "Effect": "Allow", "Action": ["sts:GetCallerIdentity"], "Resource": ["*"] },
        { "Sid": "EcrLogin", "Effect": "Allow", "Action": ["ecr:GetAuthorizationToken"], "Resource": ["*"] },
        {
          "Sid": "EcrRepository", "Effect": "Allow",
          "Action": [
            "ecr:DescribeRepositories", "ecr:CreateRepository", "ecr:GetLifecyclePolicy", "ecr:PutLifecyclePolicy",
            "ecr:PutImageTagMutability", "ecr:PutImageScanningConfiguration", "ecr:DescribeImages", "ecr:PutImage",
            "ecr:BatchCheckLayerAvailability", "ecr:InitiateLayerUpload", "ecr:UploadLayerPart", "ecr:CompleteLayerUpload",
            "ecr:BatchGetImage", "ecr:TagResource"
          ],
          "Resource": ["arn:aws:ecr:eu-west-1:123456789012:repository/slipway/api"]
        },
        {
          "Sid": "EcsCluster", "Effect": "Allow", "Action": ["ecs:DescribeClusters", "ecs:CreateCluster"],
          "Resource": ["arn:aws:ecs:eu-west-1:123456789012:cluster/prod-cluster"]
        },
        {
          "Sid": "EcsService", "Effect": "Allow", "Action": ["ecs:DescribeServices", "ecs:CreateService", "ecs:UpdateService"],
          "Resource": ["arn:aws:ecs:eu-west-1:123456789012:service/prod-cluster/api"]
        },
        { "Sid": "EcsTaskDefinitions", "Effect": "Allow", "Action": ["ecs:RegisterTaskDefinition", "ecs:DescribeTaskDefinition"], "Resource": ["*"] },
        {
          "Sid": "EcsStoppedTasks", "Effect": "Allow", "Action": ["ecs:ListTasks"], "Resource": ["*"],
          "Condition": { "ArnEquals": { "ecs:cluster": "arn:aws:ecs:eu-west-1:123456789012:cluster/prod-cluster" } }
        },
        {
          "Sid": "EcsTaskReasons", "Effect": "Allow", "Action": ["ecs:DescribeTasks"],
          "Resource": ["arn:aws:ecs:eu-west-1:123456789012:task/prod-cluster/*"]
        },
        {
          "Sid": "EcsTagsOnCreate", "Effect": "Allow", "Action": ["ecs:TagResource"],
          "Resource": [
            "arn:aws:ecs:eu-west-1:123456789012:cluster/prod-cluster",
            "arn:aws:ecs:eu-west-1:123456789012:service/prod-cluster/api",
            "arn:aws:ecs:eu-west-1:123456789012:task-definition/api-production:*"
          ],
          "Condition": { "StringEquals": { "ecs:CreateAction": ["CreateCluster", "CreateService", "RegisterTaskDefinition"] } }
        },
        { "Sid": "EcsReleaseHistory", "Effect": "Allow", "Action": ["ecs:ListTaskDefinitions"], "Resource": ["*"] },
        {
          "Sid": "EcsReleaseMarks", "Effect": "Allow", "Action": ["ecs:TagResource"],
          "Resource": ["arn:aws:ecs:eu-west-1:123456789012:task-definition/api-production:*"]
        }
        """;

    private const string PromotionStatements = """
        {
          "Sid": "PromotionSourceService", "Effect": "Allow", "Action": ["ecs:DescribeServices"],
          "Resource": ["arn:aws:ecs:eu-central-1:210987654321:service/stage-cluster/api-staging"]
        },
        {
          "Sid": "PromotionSourceRepository", "Effect": "Allow",
          "Action": ["ecr:DescribeRepositories", "ecr:BatchGetImage", "ecr:GetDownloadUrlForLayer", "ecr:BatchCheckLayerAvailability"],
          "Resource": ["arn:aws:ecr:eu-central-1:210987654321:repository/slipway/api-staging"]
        }
        """;

    private const string PassRoleStatement = """
        {
          "Sid": "PassTaskRoles", "Effect": "Allow", "Action": ["iam:PassRole"],
          "Resource": ["arn:aws:iam::123456789012:role/api-execution", "arn:aws:iam::123456789012:role/api-task"],
          "Condition": { "StringEquals": { "iam:PassedToService": "ecs-tasks.amazonaws.com" } }
        }
        """;

    private static readonly string[] TaskRoles =
    [
        "arn:aws:iam::123456789012:role/api-execution", "arn:aws:iam::123456789012:role/api-task", "arn:aws:iam::123456789012:role/api-execution",
    ];

    private static JsonNode Document(params string[] statements) =>
        JsonNode.Parse($$"""{ "Version": "2012-10-17", "Statement": [ {{string.Join(",", statements)}} ] }""")!;

    private static void AssertSameJson(JsonNode expected, JsonNode actual) =>
        Assert.True(JsonNode.DeepEquals(expected, actual), $"Expected:\n{expected.ToJsonString()}\nActual:\n{actual.ToJsonString()}");

    [Fact]
    public void Without_a_promotion_source_or_task_roles_the_policy_covers_only_the_environments_own_resources()
    {
        var policy = DeployRolePolicy.Permissions(new DeployRoleScope(Production, "api-production", []));

        AssertSameJson(Document(CommonStatements), policy);
    }

    [Fact]
    public void A_promotion_source_adds_reads_of_its_service_and_repository_and_task_roles_are_passed_once_each_to_ecs_tasks_only()
    {
        var policy = DeployRolePolicy.Permissions(new DeployRoleScope(Production, "api-production", TaskRoles) { PromotionSource = Staging });

        AssertSameJson(Document(CommonStatements, PromotionStatements, PassRoleStatement), policy);
    }

    [Fact]
    public void Task_roles_without_a_promotion_source_add_only_the_pass_role_statement()
    {
        var policy = DeployRolePolicy.Permissions(new DeployRoleScope(Production, "api-production", TaskRoles));

        AssertSameJson(Document(CommonStatements, PassRoleStatement), policy);
    }

    [Fact]
    public void A_promotion_source_without_task_roles_adds_only_the_source_statements()
    {
        var policy = DeployRolePolicy.Permissions(new DeployRoleScope(Production, "api-production", []) { PromotionSource = Staging });

        AssertSameJson(Document(CommonStatements, PromotionStatements), policy);
    }

    [Fact]
    public void The_trust_policy_lets_only_one_repositorys_one_github_environment_assume_the_role_through_oidc()
    {
        var trust = DeployRolePolicy.Trust(Production, "octo/shop", "production");

        AssertSameJson(JsonNode.Parse("""
            {
              "Version": "2012-10-17",
              "Statement": [
                {
                  "Sid": "GitHubActionsOidc",
                  "Effect": "Allow",
                  "Principal": { "Federated": "arn:aws:iam::123456789012:oidc-provider/token.actions.githubusercontent.com" },
                  "Action": "sts:AssumeRoleWithWebIdentity",
                  "Condition": {
                    "StringEquals": {
                      "token.actions.githubusercontent.com:aud": "sts.amazonaws.com",
                      "token.actions.githubusercontent.com:sub": "repo:octo/shop:environment:production"
                    }
                  }
                }
              ]
            }
            """)!, trust);
    }

    [Fact]
    public void Allowed_actions_are_every_action_of_every_statement_once()
    {
        var policy = DeployRolePolicy.Permissions(new DeployRoleScope(Production, "api-production", TaskRoles) { PromotionSource = Staging });

        var allowed = DeployRolePolicy.AllowedActions(policy);

        Assert.Equal(
            [
                "ecr:BatchCheckLayerAvailability", "ecr:BatchGetImage", "ecr:CompleteLayerUpload", "ecr:CreateRepository",
                "ecr:DescribeImages", "ecr:DescribeRepositories", "ecr:GetAuthorizationToken", "ecr:GetDownloadUrlForLayer",
                "ecr:GetLifecyclePolicy", "ecr:InitiateLayerUpload", "ecr:PutImage", "ecr:PutImageScanningConfiguration",
                "ecr:PutImageTagMutability", "ecr:PutLifecyclePolicy", "ecr:TagResource", "ecr:UploadLayerPart",
                "ecs:CreateCluster", "ecs:CreateService", "ecs:DescribeClusters", "ecs:DescribeServices", "ecs:DescribeTaskDefinition",
                "ecs:DescribeTasks", "ecs:ListTaskDefinitions", "ecs:ListTasks", "ecs:RegisterTaskDefinition", "ecs:TagResource",
                "ecs:UpdateService", "iam:PassRole", "sts:GetCallerIdentity",
            ],
            allowed.Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Every_action_the_targets_are_documented_to_need_is_allowed()
    {
        var allowed = DeployRolePolicy.AllowedActions(DeployRolePolicy.Permissions(new DeployRoleScope(Production, "api-production", TaskRoles) { PromotionSource = Staging }));

        var needed = DeployRolePolicy.EcrRepositoryActions.Concat(DeployRolePolicy.RegistryPushActions).Concat(DeployRolePolicy.ReleaseRecordActions)
            .Concat(DeployRolePolicy.PromotionSourceActions).Concat(DeployRolePolicy.ImpliedActions);
        Assert.All(needed, action => Assert.Contains(action, allowed));
    }

    [Fact]
    public void A_missing_scope_environment_or_permissions_document_is_refused_by_name()
    {
        Assert.Equal("scope", Assert.Throws<ArgumentNullException>(() => DeployRolePolicy.Permissions(null!)).ParamName);
        Assert.Equal("environment", Assert.Throws<ArgumentNullException>(() => DeployRolePolicy.Trust(null!, "o/r", "e")).ParamName);
        Assert.Equal("permissions", Assert.Throws<ArgumentNullException>(() => DeployRolePolicy.AllowedActions(null!)).ParamName);
    }
}
