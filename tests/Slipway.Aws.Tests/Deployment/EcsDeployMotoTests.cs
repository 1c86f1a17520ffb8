using Slipway.Aws.Deployment;
using Slipway.Aws.Deployment.Records;
using Slipway.Aws.Deployment.Services;
using Slipway.Aws.Deployment.TaskDefinitions;
using Slipway.Aws.Deployment.Watching;
using Slipway.Aws.Ecs.Model;
using Slipway.Aws.Tests.Support;
using Task = System.Threading.Tasks.Task;

namespace Slipway.Aws.Tests.Deployment;

/// <summary>The deploy library against a real moto_server, counting what the server was asked through a proxy.</summary>
[Collection(UsesMoto.Name)]
public sealed class EcsDeployMotoTests(MotoServer moto)
{
    [Fact]
    public async Task The_repository_is_created_with_its_settings_and_policy_and_drift_is_reported_not_changed_unless_asked()
    {
        using var env = new MotoDeployment(moto, await MotoDeployment.NetworkAsync(moto));
        var settings = RepositorySettings.FromFile(RepositoryFiles.Deploy("ecr-lifecycle.json"), env.Environment.Tags);

        var created = await new RepositoryEnsurer(env.Ecr, new RemoteChanges(false, env.Log)).EnsureAsync(env.Environment.Repository, settings, fixDrift: false, CancellationToken.None);
        var described = (await env.Ecr.DescribeRepositoriesAsync(new Ecr.Model.DescribeRepositoriesRequest { RepositoryNames = [env.Environment.Repository] })).Repositories![0];
        var policy = await env.Ecr.GetLifecyclePolicyAsync(new Ecr.Model.GetLifecyclePolicyRequest { RepositoryName = env.Environment.Repository });
        Assert.True(created.Created);
        Assert.Equal(("IMMUTABLE", true), (described.ImageTagMutability, described.ImageScanningConfiguration?.ScanOnPush));
        Assert.True(RepositorySettings.SamePolicy(policy.LifecyclePolicyText, settings.LifecyclePolicyText));
        Assert.Equal(["CreateRepository", "PutLifecyclePolicy"], env.Proxy.WritingOperations);

        env.Proxy.Clear();
        var again = await new RepositoryEnsurer(env.Ecr, new RemoteChanges(false, env.Log)).EnsureAsync(env.Environment.Repository, settings, fixDrift: false, CancellationToken.None);
        Assert.Equal((false, 0), (again.Created, again.Drift.Count));
        Assert.Empty(env.Proxy.WritingOperations);

        await env.Ecr.PutImageTagMutabilityAsync(new Ecr.Model.PutImageTagMutabilityRequest { RepositoryName = env.Environment.Repository, ImageTagMutability = "MUTABLE" });
        env.Proxy.Clear();
        var drifted = await new RepositoryEnsurer(env.Ecr, new RemoteChanges(false, env.Log)).EnsureAsync(env.Environment.Repository, settings, fixDrift: false, CancellationToken.None);
        Assert.Equal(["imageTagMutability is MUTABLE, expected IMMUTABLE"], drifted.Drift);
        Assert.Empty(env.Proxy.WritingOperations);

        await new RepositoryEnsurer(env.Ecr, new RemoteChanges(false, env.Log)).EnsureAsync(env.Environment.Repository, settings, fixDrift: true, CancellationToken.None);
        Assert.Equal(["PutImageTagMutability"], env.Proxy.WritingOperations);
    }

    [Fact]
    public async Task Bad_inputs_each_say_what_is_wrong_and_the_server_sees_no_writing_call()
    {
        using var env = await MotoDeployment.WithRepositoryAsync(moto);
        var digest = await env.PutImageAsync(Samples.Manifest, "1.0.0");
        var badTemplate = Path.Combine(Directory.CreateTempSubdirectory("slipway-taskdef-").FullName, "taskdef.json");
        await File.WriteAllTextAsync(badTemplate, (await File.ReadAllTextAsync(RepositoryFiles.Deploy("taskdef.json"))).Replace("{{version}}", "{{verison}}", StringComparison.Ordinal));
        env.Proxy.Clear();

        var wrongAccount = await Assert.ThrowsAsync<DeployConfigurationException>(() => AccountCheck.VerifyAsync(env.Environment with { Account = "111111111111" }, env.Options(env.Proxy.Url), CancellationToken.None));
        var missingImage = await Assert.ThrowsAsync<DeployConfigurationException>(() => env.DeployAsync(env.Request("sha256:" + new string('0', 64))));
        var unknownPlaceholder = await Assert.ThrowsAsync<DeployConfigurationException>(() => env.DeployAsync(env.Request(digest) with { TemplateFile = badTemplate }));
        var missingRepository = await Assert.ThrowsAsync<DeployConfigurationException>(() => env.DeployAsync(env.Request(digest) with { Environment = env.Environment with { Repository = "slipway/never-created" } }));

        Assert.Contains($"belong to account {MotoDeployment.MotoAccount}", wrongAccount.Message, StringComparison.Ordinal);
        Assert.Contains("lives in account 111111111111", wrongAccount.Message, StringComparison.Ordinal);
        Assert.Contains("is not in the ECR repository", missingImage.Message, StringComparison.Ordinal);
        Assert.Contains("unknown placeholder '{{verison}}'. Did you mean 'version'?", unknownPlaceholder.Message, StringComparison.Ordinal);
        Assert.Contains("The ECR repository 'slipway/never-created' does not exist", missingRepository.Message, StringComparison.Ordinal);
        Assert.Contains("GetCallerIdentity", env.Proxy.Operations);
        Assert.Empty(env.Proxy.WritingOperations);
    }

    [Fact]
    public async Task Without_running_services_moto_leaves_the_first_deployment_in_progress_and_a_second_deploy_is_refused_by_the_lock()
    {
        using var env = await MotoDeployment.WithRepositoryAsync(moto);
        var first = await env.PutImageAsync(Samples.Manifest, "1.0.0");
        var second = await env.PutImageAsync(Samples.OtherManifest, "1.1.0");
        await env.DeployAsync(env.Request(first));
        env.Proxy.Clear();

        var refused = await Assert.ThrowsAsync<DeploymentInProgressException>(() => env.DeployAsync(env.Request(second, version: "1.1.0")));

        Assert.Contains("(version 1.0.0, commit 0123456789abcdef0123456789abcdef01234567, by tester) is in progress", refused.Message, StringComparison.Ordinal);
        Assert.Empty(env.Proxy.WritingOperations);
    }

    [Fact]
    public async Task The_registry_login_decodes_the_token_and_never_shows_the_password()
    {
        using var env = new MotoDeployment(moto, await MotoDeployment.NetworkAsync(moto));

        var login = await RegistryLogin.GetAsync(env.Ecr, CancellationToken.None);

        Assert.Equal("AWS", login.Username);
        Assert.NotEmpty(login.Password);
        Assert.DoesNotContain(login.Password, login.ToString(), StringComparison.Ordinal);
        Assert.StartsWith("AWS:****", login.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_account_check_returns_the_caller_when_the_account_matches()
    {
        using var env = new MotoDeployment(moto, await MotoDeployment.NetworkAsync(moto));

        var caller = await AccountCheck.VerifyAsync(env.Environment, env.Options(env.Proxy.Url), CancellationToken.None);

        Assert.Equal(MotoDeployment.MotoAccount, caller.Account);
        Assert.StartsWith("arn:aws:", caller.Arn, StringComparison.Ordinal);
    }

    internal static async Task EnsureRepositoryAsync(MotoDeployment env) =>
        await new RepositoryEnsurer(env.Ecr, new RemoteChanges(false, env.Log))
            .EnsureAsync(env.Environment.Repository, RepositorySettings.FromFile(RepositoryFiles.Deploy("ecr-lifecycle.json"), env.Environment.Tags), fixDrift: false, CancellationToken.None);

    internal static async Task<string> RepositoryUriAsync(MotoDeployment env) =>
        (await env.Ecr.DescribeRepositoriesAsync(new Ecr.Model.DescribeRepositoriesRequest { RepositoryNames = [env.Environment.Repository] })).Repositories![0].RepositoryUri!;
}

/// <summary>
/// Deploys on a moto_server with MOTO_ECS_SERVICE_RUNNING, where a created service runs its tasks and its deployment
/// completes (without it the first deployment stays IN_PROGRESS forever, and the lock rightly refuses a second).
/// </summary>
[Collection(UsesRunningServicesMoto.Name)]
public sealed class EcsDeployRunningMotoTests(RunningServicesMoto moto)
{
    [Fact]
    public async Task Deploy_creates_then_updates_the_service_with_a_tagged_task_definition_pinned_by_digest_and_an_identical_deploy_writes_nothing()
    {
        using var env = await MotoDeployment.WithRepositoryAsync(moto);
        var first = await env.PutImageAsync(Samples.Manifest, "1.0.0");
        var second = await env.PutImageAsync(Samples.OtherManifest, "1.1.0");

        env.Proxy.Clear();
        var created = await env.DeployAsync(env.Request(first));
        Assert.Equal(["CreateCluster", "RegisterTaskDefinition", "CreateService"], env.Proxy.WritingOperations);
        Assert.Equal(("created", "not-waited", false), (created.Record.Action, created.Record.Outcome, created.Record.TaskDefinitionReused));
        var registered = await env.Ecs.DescribeTaskDefinitionAsync(new DescribeTaskDefinitionRequest { TaskDefinition = created.Record.TaskDefinitionArn, Include = ["TAGS"] });
        Assert.Equal($"{(await EcsDeployMotoTests.RepositoryUriAsync(env))}@{first}", registered.TaskDefinition!.ContainerDefinitions![0].Image);
        Assert.Equal(new DeploymentTags("1.0.0", "0123456789abcdef0123456789abcdef01234567", first, env.Environment.Name, "tester"), DeploymentTags.From(registered.Tags));
        // moto keeps no deploymentConfiguration, so the request is checked as the server received it.
        var createService = System.Text.Json.Nodes.JsonNode.Parse(env.Proxy.LastBody("CreateService"))!;
        Assert.Equal("""{"enable":true,"rollback":true}""", createService["deploymentConfiguration"]!["deploymentCircuitBreaker"]!.ToJsonString());
        Assert.Equal(created.Record.TaskDefinitionArn, createService["taskDefinition"]!.GetValue<string>());
        Assert.NotNull(created.Record.DeploymentId);

        env.Proxy.Clear();
        var unchanged = await env.DeployAsync(env.Request(first));
        Assert.Empty(env.Proxy.WritingOperations);
        Assert.Equal(("unchanged", true, created.Record.TaskDefinitionArn), (unchanged.Record.Action, unchanged.Record.TaskDefinitionReused, unchanged.Record.TaskDefinitionArn));
        Assert.Empty(unchanged.Record.WritingCalls);

        env.Proxy.Clear();
        var updated = await env.DeployAsync(env.Request(second, version: "1.1.0"));
        Assert.Equal(["RegisterTaskDefinition", "UpdateService"], env.Proxy.WritingOperations);
        Assert.Equal("updated", updated.Record.Action);
        Assert.EndsWith(":2", updated.Record.TaskDefinitionArn, StringComparison.Ordinal);

        env.Proxy.Clear();
        await env.DeployAsync(env.Request(second, version: "1.1.0"));
        Assert.Empty(env.Proxy.WritingOperations);
    }

    [Fact]
    public async Task A_dry_run_shows_the_plan_and_the_diff_and_the_server_sees_no_writing_call()
    {
        using var env = await MotoDeployment.WithRepositoryAsync(moto);
        var first = await env.PutImageAsync(Samples.Manifest, "1.0.0");
        var second = await env.PutImageAsync(Samples.OtherManifest, "1.1.0");
        await env.DeployAsync(env.Request(first));

        env.Proxy.Clear();
        var planned = await env.DeployAsync(env.Request(second, version: "1.1.0") with { DryRun = true });

        Assert.Empty(env.Proxy.WritingOperations);
        Assert.Equal([$"ECS RegisterTaskDefinition slipway-api-{env.Environment.Name}", $"ECS UpdateService {env.Environment.Service}"], planned.Record.WritingCalls);
        Assert.Equal("dry-run", planned.Record.Outcome);
        Assert.Contains($"+       \"image\": \"{await EcsDeployMotoTests.RepositoryUriAsync(env)}@{second}\"", planned.Diff, StringComparison.Ordinal);
        Assert.Contains("\"value\": \"**** (changed)\"", planned.Diff, StringComparison.Ordinal); // SLIPWAY_VERSION changed, masked
        Assert.DoesNotContain("1.1.0", planned.Diff, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Against_moto_an_update_never_shows_our_deployment_so_wait_deployed_times_out_instead_of_succeeding()
    {
        using var env = await MotoDeployment.WithRepositoryAsync(moto);
        var first = await env.PutImageAsync(Samples.Manifest, "1.0.0");
        var second = await env.PutImageAsync(Samples.OtherManifest, "1.1.0");
        await env.DeployAsync(env.Request(first));

        var timeout = await Assert.ThrowsAsync<DeploymentTimeoutException>(() => env.DeployAsync(env.Request(second, version: "1.1.0", wait: WaitMode.Deployed) with { Watch = new WatchOptions { Timeout = TimeSpan.FromSeconds(2), PollInterval = TimeSpan.FromMilliseconds(200) } }));

        Assert.Contains($"Timed out after 2 s (--deploy-timeout): no deployment of slipway-api-{env.Environment.Name}:2 appeared", timeout.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_first_deploy_with_wait_stable_succeeds_when_the_service_runs_its_tasks()
    {
        using var env = await MotoDeployment.WithRepositoryAsync(moto);
        var digest = await env.PutImageAsync(Samples.Manifest, "1.0.0");

        var result = await env.DeployAsync(env.Request(digest, wait: WaitMode.Stable));

        Assert.Equal(("created", "succeeded"), (result.Record.Action, result.Record.Outcome));
        Assert.Contains(env.Log.Lines, l => l.Message.Contains("PRIMARY COMPLETED", StringComparison.Ordinal) && l.Message.Contains("1/1 running", StringComparison.Ordinal));
    }
}
