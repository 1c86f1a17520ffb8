using System.Text.Json.Nodes;
using Slipway.Aws.Deployment.Access;
using Slipway.Aws.Ecr;
using Slipway.Aws.Ecr.Model;
using Slipway.Aws.Tests.Support;
using Task = System.Threading.Tasks.Task;

namespace Slipway.Components.Tests.Deployment;

/// <summary>
/// AwsPolicy against what a deploy really calls: every call of a cold deploy, a forced redeploy that waits, a drift
/// fix and a look at the releases, recorded on the server side (a proxy in front of moto_server), must be allowed by
/// the written permissions, and the permissions allow nothing these do not call. (Promote's and Rollback's calls,
/// resource by resource: PromoteMotoTests.)
/// </summary>
[Trait(TestCategories.Name, TestCategories.Integration)]
[Collection(UsesMoto.Name)]
public sealed class AwsPolicyTests(MotoServer moto) : IAsyncLifetime
{
    private DeployRepository repository = null!;

    public async Task InitializeAsync() => repository = await DeployRepository.CreateAsync(moto);

    public async Task DisposeAsync() => await repository.DisposeAsync();

    [Fact]
    public async Task The_deploy_roles_permissions_allow_every_call_a_deploy_makes_and_nothing_else()
    {
        using var timeout = TestTimeouts.Start(TimeSpan.FromMinutes(4));
        var proxy = repository.Proxy;
        await repository.BuildImageAsync("1.0.0", "first", "abc1234");

        var cold = await repository.RunAsync(timeout.Token, "Deploy", "--environment", "moto", "--wait", "none");
        Assert.True(cold.ExitCode == 0, cold.Output + cold.Error);
        var watched = await repository.RunAsync(timeout.Token, "Deploy", "--environment", "moto", "--force", "--wait", "deployed", "--deploy-timeout", "3s");
        Assert.True(watched.ExitCode is 0 or 21, watched.Output + watched.Error);
        using (var ecr = new AmazonECRClient(moto.Options()))
        {
            // Someone changed the repository by hand: the drift fix calls what fixes it.
            await ecr.PutImageTagMutabilityAsync(new PutImageTagMutabilityRequest { RepositoryName = RepositoryName(), ImageTagMutability = "MUTABLE" }, timeout.Token);
            await ecr.PutImageScanningConfigurationAsync(new PutImageScanningConfigurationRequest { RepositoryName = RepositoryName(), ImageScanningConfiguration = new ImageScanningConfiguration { ScanOnPush = false } }, timeout.Token);
        }

        var fixedDrift = await repository.RunAsync(timeout.Token, "EnvironmentUp", "--environment", "moto", "--fix-repository-drift");
        Assert.True(fixedDrift.ExitCode == 0, fixedDrift.Output + fixedDrift.Error);
        // The same role reads the environment's releases (Releases, and Rollback before it deploys).
        var releases = await repository.RunAsync(timeout.Token, "Releases", "--json");
        Assert.True(releases.ExitCode == 0, releases.Output + releases.Error);
        var recorded = proxy.Actions.ToHashSet(StringComparer.Ordinal);

        var written = await repository.RunAsync(timeout.Token, "AwsPolicy", "--environment", "moto", "--github-repository", "octo/slipway");
        Assert.True(written.ExitCode == 0, written.Output + written.Error);
        var permissions = JsonNode.Parse(File.ReadAllText(repository.Root / "artifacts" / "aws-policy" / "moto" / "permissions.json"))!.AsObject();
        var allowed = DeployRolePolicy.AllowedActions(permissions);

        Assert.Empty(recorded.Except(allowed));
        // Not seen on the wire here: docker push's registry protocol (moto's repository is no registry), what IAM
        // authorises alongside another call, and DescribeTasks, which the watcher calls once a task of ours stops
        // (WatcherTests script that).
        var unseen = DeployRolePolicy.RegistryPushActions.Concat(DeployRolePolicy.ImpliedActions).Append("ecs:DescribeTasks");
        Assert.Empty(allowed.Except(recorded).Except(unseen));
        Assert.Contains("ecs:UpdateService", recorded);
        Assert.Contains("ecr:PutImageTagMutability", recorded);
    }

    [Fact]
    public async Task The_permissions_name_only_the_environments_resources_and_the_trust_only_its_repository_and_environment()
    {
        using var timeout = TestTimeouts.Start(TimeSpan.FromMinutes(2));

        var written = await repository.RunAsync(timeout.Token, "AwsPolicy", "--environment", "moto", "--github-repository", "octo/slipway");

        Assert.True(written.ExitCode == 0, written.Output + written.Error);
        Assert.Empty(repository.Proxy.Operations); // writing the documents asks AWS nothing
        var directory = repository.Root / "artifacts" / "aws-policy" / "moto";
        var statements = JsonNode.Parse(File.ReadAllText(directory / "permissions.json"))!["Statement"]!.AsArray();
        var resources = statements.SelectMany(s => s!["Resource"]!.AsArray().Select(r => r!.GetValue<string>())).Where(r => r != "*").ToList();
        Assert.Contains($"arn:aws:ecr:us-east-1:123456789012:repository/{RepositoryName()}", resources);
        Assert.Contains($"arn:aws:ecs:us-east-1:123456789012:service/{ClusterName()}/api-{repository.Suffix}", resources);
        Assert.Contains("arn:aws:ecs:us-east-1:123456789012:task-definition/slipway-api-moto:*", resources);
        Assert.Equal("arn:aws:iam::123456789012:role/ecsTaskExecutionRole", Assert.Single(statements, s => s!["Sid"]!.GetValue<string>() == "PassTaskRoles")!["Resource"]![0]!.GetValue<string>());
        Assert.All(resources, r => Assert.Contains(":123456789012:", r, StringComparison.Ordinal));
        var wildcard = statements.Where(s => s!["Resource"]!.AsArray().Any(r => r!.GetValue<string>() == "*") && s["Condition"] is null)
            .SelectMany(s => s!["Action"]!.AsArray().Select(a => a!.GetValue<string>()));
        // None of these has resource-level permissions in IAM (ListTaskDefinitions: Rollback's and Releases' history).
        Assert.Equal(["sts:GetCallerIdentity", "ecr:GetAuthorizationToken", "ecs:RegisterTaskDefinition", "ecs:DescribeTaskDefinition", "ecs:ListTaskDefinitions"], wildcard);

        var trust = JsonNode.Parse(File.ReadAllText(directory / "trust.json"))!["Statement"]![0]!;
        Assert.Equal("arn:aws:iam::123456789012:oidc-provider/token.actions.githubusercontent.com", trust["Principal"]!["Federated"]!.GetValue<string>());
        Assert.Equal("repo:octo/slipway:environment:moto", trust["Condition"]!["StringEquals"]!["token.actions.githubusercontent.com:sub"]!.GetValue<string>());
        Assert.Equal("sts.amazonaws.com", trust["Condition"]!["StringEquals"]!["token.actions.githubusercontent.com:aud"]!.GetValue<string>());
    }

    private string RepositoryName() => JsonNode.Parse(File.ReadAllText(repository.EnvironmentFile))!["repository"]!.GetValue<string>();

    private string ClusterName() => JsonNode.Parse(File.ReadAllText(repository.EnvironmentFile))!["cluster"]!.GetValue<string>();
}
