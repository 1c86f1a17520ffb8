using Slipway.Aws.Deployment;
using Slipway.Aws.Ecr.Model;
using Slipway.Aws.Tests.Support;
using Slipway.Output;

namespace Slipway.Aws.Tests.Deployment;

/// <summary>
/// The repository's drift as users read it (each setting named with what was expected), fixed only when asked, by the
/// calls ECR needs for it, and reported clean afterwards; and a dry run's plan for a repository that does not exist.
/// </summary>
[Collection(UsesMoto.Name)]
public sealed class RepositoryDriftTests(MotoServer moto)
{
    private const string OtherPolicy = """{"rules":[{"rulePriority":1,"description":"keep 3","selection":{"tagStatus":"any","countType":"imageCountMoreThan","countNumber":3},"action":{"type":"expire"}}]}""";

    [Fact]
    public async Task A_repository_drifted_in_every_setting_reports_each_and_is_fixed_then_clean_when_asked()
    {
        using var env = new MotoDeployment(moto, await MotoDeployment.NetworkAsync(moto));
        var name = env.Environment.Repository;
        await env.Ecr.CreateRepositoryAsync(new CreateRepositoryRequest { RepositoryName = name, ImageTagMutability = "MUTABLE", ImageScanningConfiguration = new ImageScanningConfiguration { ScanOnPush = false } });
        var settings = Settings(env);
        env.Proxy.Clear();

        var reported = await Ensure(env, settings, fixDrift: false);

        Assert.Equal(
            ["imageTagMutability is MUTABLE, expected IMMUTABLE", "scanOnPush is off, expected on", "no lifecycle policy, expected the one in deploy/ecr-lifecycle.json"],
            reported.Drift);
        Assert.Empty(env.Proxy.WritingOperations);

        var fixedOne = await Ensure(env, settings, fixDrift: true);

        Assert.Equal(["PutImageTagMutability", "PutImageScanningConfiguration", "PutLifecyclePolicy"], env.Proxy.WritingOperations);
        Assert.Contains((LogLevel.Information, $"ECR PutImageScanningConfiguration {name}: fixing drift"), env.Log.Lines);
        Assert.Contains((LogLevel.Information, $"ECR PutLifecyclePolicy {name}: fixing drift"), env.Log.Lines);
        var described = (await env.Ecr.DescribeRepositoriesAsync(new DescribeRepositoriesRequest { RepositoryNames = [name] })).Repositories![0];
        Assert.Equal(("IMMUTABLE", true), (described.ImageTagMutability, described.ImageScanningConfiguration?.ScanOnPush));
        var policy = await env.Ecr.GetLifecyclePolicyAsync(new GetLifecyclePolicyRequest { RepositoryName = name });
        Assert.True(RepositorySettings.SamePolicy(policy.LifecyclePolicyText, settings.LifecyclePolicyText));
        Assert.Equal((name, described.RepositoryUri, described.RegistryId, described.RepositoryArn, false), (fixedOne.Name, fixedOne.Uri, fixedOne.RegistryId, fixedOne.Arn, fixedOne.Created));

        env.Proxy.Clear();
        var clean = await Ensure(env, settings, fixDrift: true);

        Assert.Empty(clean.Drift);
        Assert.Empty(env.Proxy.WritingOperations);
    }

    [Fact]
    public async Task A_changed_lifecycle_policy_is_reported_as_differing_and_only_the_policy_is_put_back()
    {
        using var env = new MotoDeployment(moto, await MotoDeployment.NetworkAsync(moto));
        var name = env.Environment.Repository;
        var settings = Settings(env);
        await Ensure(env, settings, fixDrift: false);
        await env.Ecr.PutLifecyclePolicyAsync(new PutLifecyclePolicyRequest { RepositoryName = name, LifecyclePolicyText = OtherPolicy });
        env.Proxy.Clear();

        var reported = await Ensure(env, settings, fixDrift: false);
        Assert.Equal(["the lifecycle policy differs from deploy/ecr-lifecycle.json"], reported.Drift);
        Assert.Empty(env.Proxy.WritingOperations);

        await Ensure(env, settings, fixDrift: true);

        Assert.Equal(["PutLifecyclePolicy"], env.Proxy.WritingOperations);
        var policy = await env.Ecr.GetLifecyclePolicyAsync(new GetLifecyclePolicyRequest { RepositoryName = name });
        Assert.True(RepositorySettings.SamePolicy(policy.LifecyclePolicyText, settings.LifecyclePolicyText));
        Assert.Empty((await Ensure(env, settings, fixDrift: false)).Drift);
    }

    [Fact]
    public async Task A_dry_run_for_a_missing_repository_plans_the_creation_and_its_policy_and_creates_nothing()
    {
        using var env = new MotoDeployment(moto, await MotoDeployment.NetworkAsync(moto));
        var name = env.Environment.Repository;
        var changes = new RemoteChanges(dryRun: true, env.Log);

        var planned = await new RepositoryEnsurer(env.Ecr, changes).EnsureAsync(name, Settings(env), fixDrift: false, CancellationToken.None);

        Assert.Equal((name, $"(created by the deploy)/{name}", "", "", true), (planned.Name, planned.Uri, planned.RegistryId, planned.Arn, planned.Created));
        Assert.Empty(planned.Drift);
        Assert.Equal([$"ECR CreateRepository {name}", $"ECR PutLifecyclePolicy {name}"], changes.Calls);
        Assert.Contains((LogLevel.Information, $"would call ECR CreateRepository {name}: the repository does not exist"), env.Log.Lines);
        Assert.Empty(env.Proxy.WritingOperations);
        Assert.Null(await new RepositoryEnsurer(env.Ecr, changes).FindAsync(name, CancellationToken.None));
    }

    private static RepositorySettings Settings(MotoDeployment env) => RepositorySettings.FromFile(RepositoryFiles.Deploy("ecr-lifecycle.json"), env.Environment.Tags);

    private static Task<EcrRepository> Ensure(MotoDeployment env, RepositorySettings settings, bool fixDrift) =>
        new RepositoryEnsurer(env.Ecr, new RemoteChanges(false, env.Log)).EnsureAsync(env.Environment.Repository, settings, fixDrift, CancellationToken.None);
}
