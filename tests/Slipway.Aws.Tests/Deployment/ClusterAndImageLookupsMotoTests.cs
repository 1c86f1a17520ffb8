using Slipway.Aws.Deployment;
using Slipway.Aws.Deployment.Services;
using Slipway.Aws.Ecs.Model;
using Slipway.Aws.Promotion;
using Slipway.Aws.Tests.Support;
using Task = System.Threading.Tasks.Task;

namespace Slipway.Aws.Tests.Deployment;

/// <summary>
/// Look-ups against moto: a cluster found active is used as it is (a deleted one is created again), an image is found
/// by its tag, a missing repository is named with the target that creates it, and a revision the service runs that
/// is no longer listed (deregistered) still heads the history.
/// </summary>
[Collection(UsesMoto.Name)]
public sealed class ClusterAndImageLookupsMotoTests(MotoServer moto)
{
    [Fact]
    public async Task An_active_cluster_is_used_as_it_is_and_a_deleted_one_is_created_again()
    {
        using var env = new MotoDeployment(moto, await MotoDeployment.NetworkAsync(moto));
        var cluster = env.Environment.Cluster;
        var arn = (await env.Ecs.CreateClusterAsync(new CreateClusterRequest { ClusterName = cluster })).Cluster!.ClusterArn!;
        env.Proxy.Clear();

        var found = await new ClusterEnsurer(env.Ecs, new RemoteChanges(false, env.Log)).EnsureAsync(cluster, env.Environment.Tags, CancellationToken.None);

        Assert.Equal((arn, false), found);
        Assert.StartsWith("arn:aws:ecs:", arn, StringComparison.Ordinal);
        Assert.Empty(env.Proxy.WritingOperations);

        await env.Ecs.DeleteClusterAsync(new DeleteClusterRequest { Cluster = cluster });
        env.Proxy.Clear();
        var again = await new ClusterEnsurer(env.Ecs, new RemoteChanges(false, env.Log)).EnsureAsync(cluster, env.Environment.Tags, CancellationToken.None);

        Assert.True(again.Created);
        Assert.Equal(["CreateCluster"], env.Proxy.WritingOperations);
    }

    [Fact]
    public async Task An_image_is_found_by_its_tag_and_a_missing_repository_is_named_with_the_target_that_creates_it()
    {
        using var env = await MotoDeployment.WithRepositoryAsync(moto);
        await env.PutImageAsync(Samples.Manifest, "1.0.0");
        var second = await env.PutImageAsync(Samples.OtherManifest, "1.1.0");
        var images = new EcrImages(env.Ecr);

        Assert.Equal(second, await images.DigestOfTagAsync(env.Environment.Repository, "1.1.0", CancellationToken.None));
        Assert.Null(await images.DigestOfTagAsync(env.Environment.Repository, "9.9.9", CancellationToken.None));
        var missing = await Assert.ThrowsAsync<DeployConfigurationException>(() => images.FindAsync("slipway/never-created", second, CancellationToken.None));
        Assert.Equal("The ECR repository 'slipway/never-created' does not exist. Nothing was changed. Run the EnvironmentUp or EcrPush target first.", missing.Message);
    }

    [Fact]
    public async Task A_running_revision_no_longer_listed_still_heads_the_history()
    {
        using var env = await MotoDeployment.WithRepositoryAsync(moto);
        var digest = await env.PutImageAsync(Samples.Manifest, "1.0.0");
        var deployed = await env.DeployAsync(env.Request(digest));
        await env.Ecs.DeregisterTaskDefinitionAsync(new DeregisterTaskDefinitionRequest { TaskDefinition = deployed.Record.TaskDefinitionArn });

        var state = await new ReleaseHistory(env.Ecs, TimeProvider.System).ReadAsync(env.Environment, CancellationToken.None);

        var current = Assert.IsType<Release>(state.Current);
        Assert.Equal((deployed.Record.TaskDefinitionArn, "1.0.0"), (current.TaskDefinitionArn, current.Version));
        Assert.Equal([current], state.History);
    }
}
