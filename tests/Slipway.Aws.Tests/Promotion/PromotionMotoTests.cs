using Slipway.Aws.Deployment.Watching;
using Slipway.Aws.Ecr.Model;
using Slipway.Aws.Ecs.Model;
using Slipway.Aws.Promotion;
using Slipway.Aws.Tests.Deployment;
using Slipway.Aws.Tests.Support;
using Task = System.Threading.Tasks.Task;

namespace Slipway.Aws.Tests.Promotion;

/// <summary>
/// The promotion library against a moto_server whose services run their tasks (a first deploy completes there):
/// success marks, the source release read from the task definitions' tags, same-repository promotion by
/// BatchGetImage + PutImage, and the rollback's choice and service update.
/// </summary>
[Collection(UsesRunningServicesMoto.Name)]
public sealed class PromotionMotoTests(RunningServicesMoto moto)
{
    private const string Commit = "0123456789abcdef0123456789abcdef01234567";

    [Fact]
    public async Task A_completed_deploy_marks_its_revision_and_the_source_is_what_the_service_runs()
    {
        using var env = await MotoDeployment.WithRepositoryAsync(moto);
        var digest = await env.PutImageAsync(Samples.Manifest, "1.0.0");
        var deployed = await env.DeployAsync(env.Request(digest, wait: WaitMode.Deployed));

        var state = await new ReleaseHistory(env.Ecs, TimeProvider.System).ReadAsync(env.Environment, CancellationToken.None);

        Assert.Equal("succeeded", deployed.Record.Outcome);
        Assert.True(state.IsSteady);
        var current = Assert.IsType<Release>(state.Current);
        Assert.Equal((deployed.Record.TaskDefinitionArn, "1.0.0", Commit, digest, "tester"), (current.TaskDefinitionArn, current.Version, current.Commit, current.Digest, current.DeployedBy));
        Assert.NotNull(current.DeployedAt);
        Assert.EndsWith("@" + digest, current.Image, StringComparison.Ordinal);
        Assert.Same(current, PromotionSource.Choose(state, version: null, digest: null));
        Assert.Equal(current, PromotionSource.Choose(state, "1.0.0", digest));
    }

    [Fact]
    public async Task A_revision_found_steady_by_a_waiting_redeploy_is_marked_once()
    {
        // As after a deploy interrupted once its update was made: the service settled on the revision unobserved.
        using var env = await MotoDeployment.WithRepositoryAsync(moto);
        var digest = await env.PutImageAsync(Samples.Manifest, "1.0.0");
        await env.DeployAsync(env.Request(digest, wait: WaitMode.None));
        var unobserved = await new ReleaseHistory(env.Ecs, TimeProvider.System).ReadAsync(env.Environment, CancellationToken.None);
        Assert.Null(Assert.IsType<Release>(unobserved.Current).DeployedAt);

        var redeployed = await env.DeployAsync(env.Request(digest, wait: WaitMode.Deployed));
        env.Proxy.Clear();
        var again = await env.DeployAsync(env.Request(digest, wait: WaitMode.Deployed));

        Assert.Equal(("unchanged", "unchanged"), (redeployed.Record.Outcome, again.Record.Outcome));
        var state = await new ReleaseHistory(env.Ecs, TimeProvider.System).ReadAsync(env.Environment, CancellationToken.None);
        Assert.NotNull(Assert.IsType<Release>(state.Current).DeployedAt);
        Assert.Empty(env.Proxy.WritingOperations);
    }

    [Fact]
    public async Task A_version_or_digest_the_source_never_ran_is_refused_with_what_it_did_run()
    {
        using var env = await MotoDeployment.WithRepositoryAsync(moto);
        var digest = await env.PutImageAsync(Samples.Manifest, "1.0.0");
        var pushedOnly = await env.PutImageAsync(Samples.OtherManifest, "1.1.0");
        await env.DeployAsync(env.Request(digest, wait: WaitMode.Deployed));
        var state = await new ReleaseHistory(env.Ecs, TimeProvider.System).ReadAsync(env.Environment, CancellationToken.None);

        var byVersion = Assert.Throws<PromotionRefusedException>(() => PromotionSource.Choose(state, "1.1.0", null));
        var byDigest = Assert.Throws<PromotionRefusedException>(() => PromotionSource.Choose(state, null, pushedOnly));

        Assert.StartsWith($"'{env.Environment.Name}' never ran version 1.1.0 successfully", byVersion.Message, StringComparison.Ordinal);
        Assert.Contains($"never ran digest {pushedOnly} successfully", byDigest.Message, StringComparison.Ordinal);
        Assert.All(new[] { byVersion, byDigest }, e => Assert.Contains($"1.0.0 (commit 0123456, {digest}", e.Message, StringComparison.Ordinal));
        Assert.Contains("Nothing was changed", byVersion.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Within_one_repository_the_version_tag_is_put_by_BatchGetImage_and_PutImage_and_the_digest_stays()
    {
        using var env = await MotoDeployment.WithRepositoryAsync(moto);
        var digest = await env.PutImageAsync(Samples.Manifest, "build-1");
        var other = await env.PutImageAsync(Samples.OtherManifest, "build-2");
        var tagger = new EcrImageTagger(env.Ecr);
        env.Proxy.Clear();

        var tagged = await tagger.TagAsync(env.Environment.Repository, digest, "1.0.0", CancellationToken.None);

        Assert.Contains("BatchGetImage + PutImage", tagged, StringComparison.Ordinal);
        Assert.Equal(["PutImage"], env.Proxy.WritingOperations);
        Assert.Contains("BatchGetImage", env.Proxy.Operations);
        var described = await env.Ecr.DescribeImagesAsync(new DescribeImagesRequest { RepositoryName = env.Environment.Repository, ImageIds = [new ImageIdentifier { ImageTag = "1.0.0" }] });
        Assert.Equal(digest, described.ImageDetails![0].ImageDigest);

        env.Proxy.Clear();
        Assert.Contains("is already", await tagger.TagAsync(env.Environment.Repository, digest, "1.0.0", CancellationToken.None), StringComparison.Ordinal);
        Assert.Empty(env.Proxy.WritingOperations);

        var taken = await Assert.ThrowsAsync<PromotionRefusedException>(() => tagger.TagAsync(env.Environment.Repository, other, "1.0.0", CancellationToken.None));
        Assert.Contains($"already names another image ({digest})", taken.Message, StringComparison.Ordinal);
        var gone = await Assert.ThrowsAsync<PromotionRefusedException>(() => tagger.TagAsync(env.Environment.Repository, "sha256:" + new string('1', 64), "9.9.9", CancellationToken.None));
        Assert.Contains("is not in the ECR repository", gone.Message, StringComparison.Ordinal);
        Assert.Empty(env.Proxy.WritingOperations);
    }

    [Fact]
    public async Task Rollback_goes_to_the_last_revision_that_succeeded_and_updates_the_service_to_it()
    {
        using var env = await MotoDeployment.WithRepositoryAsync(moto);
        var good = await env.PutImageAsync(Samples.Manifest, "1.0.0");
        var bad = await env.PutImageAsync(Samples.OtherManifest, "1.1.0");
        var first = await env.DeployAsync(env.Request(good, wait: WaitMode.Deployed));
        var second = await env.DeployAsync(env.Request(bad, version: "1.1.0"));
        var state = await new ReleaseHistory(env.Ecs, TimeProvider.System).ReadAsync(env.Environment, CancellationToken.None);

        var target = RollbackTarget.Choose(state);

        Assert.Equal(second.Record.TaskDefinitionArn, state.Current?.TaskDefinitionArn);
        Assert.False(state.Current!.Succeeded);
        Assert.Equal(first.Record.TaskDefinitionArn, target.TaskDefinitionArn);
        Assert.Equal(2, state.History.Count);

        env.Proxy.Clear();
        var record = await new RollbackDeployer(env.Ecs, TimeProvider.System, env.Log, new LogDeploymentObserver(env.Log))
            .RollBackAsync(env.Environment, MotoDeployment.Caller, target, "tester", force: false, new WatchOptions { Mode = WaitMode.None }, CancellationToken.None);

        Assert.Equal(["UpdateService"], env.Proxy.WritingOperations);
        Assert.Equal(("rollback", "not-waited", "1.0.0", good), (record.Action, record.Outcome, record.Version, record.Digest));
        var service = await env.Ecs.DescribeServicesAsync(new DescribeServicesRequest { Cluster = env.Environment.Cluster, Services = [env.Environment.Service] });
        Assert.EndsWith(ReleaseHistory.FamilyOf(first.Record.TaskDefinitionArn) + ":1", service.Services![0].TaskDefinition, StringComparison.Ordinal);
    }
}

/// <summary>On a moto_server whose services start no task, a first deployment stays IN_PROGRESS: not a source to promote.</summary>
[Collection(UsesMoto.Name)]
public sealed class PromotionUnsteadySourceMotoTests(MotoServer moto)
{
    [Fact]
    public async Task A_source_whose_deployment_is_in_progress_is_refused_with_its_deployments()
    {
        using var env = await MotoDeployment.WithRepositoryAsync(moto);
        var digest = await env.PutImageAsync(Samples.Manifest, "1.0.0");
        await env.DeployAsync(env.Request(digest));
        var state = await new ReleaseHistory(env.Ecs, TimeProvider.System).ReadAsync(env.Environment, CancellationToken.None);

        var refused = Assert.Throws<PromotionRefusedException>(() => PromotionSource.Choose(state, null, null));

        Assert.False(state.IsSteady);
        Assert.StartsWith($"'{env.Environment.Name}' is not steady (", refused.Message, StringComparison.Ordinal);
        Assert.Contains("PRIMARY IN_PROGRESS", refused.Message, StringComparison.Ordinal);
        Assert.Contains("Nothing was changed", refused.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_environment_without_a_service_has_no_release_and_nothing_to_promote_or_roll_back()
    {
        using var env = new MotoDeployment(moto, await MotoDeployment.NetworkAsync(moto));

        var state = await new ReleaseHistory(env.Ecs, TimeProvider.System).ReadAsync(env.Environment, CancellationToken.None);

        Assert.Equal((null, 0), (state.Current, state.History.Count));
        Assert.Contains("there is nothing to promote", Assert.Throws<PromotionRefusedException>(() => PromotionSource.Choose(state, null, null)).Message, StringComparison.Ordinal);
        Assert.Contains("there is nothing to roll back", Assert.Throws<PromotionRefusedException>(() => RollbackTarget.Choose(state)).Message, StringComparison.Ordinal);
    }
}
