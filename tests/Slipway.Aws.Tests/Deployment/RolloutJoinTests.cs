using Microsoft.Extensions.Time.Testing;
using Slipway.Aws.Deployment;
using Slipway.Aws.Deployment.Environments;
using Slipway.Aws.Deployment.Services;
using Slipway.Aws.Deployment.TaskDefinitions;
using Slipway.Aws.Ecs.Model;
using Slipway.Aws.Tests.Support;
using static Slipway.Aws.Tests.Deployment.EcsShapes;
using Task = System.Threading.Tasks.Task;

namespace Slipway.Aws.Tests.Deployment;

/// <summary>
/// A deploy that finds its own release still rolling out (an earlier run updated the service, then died) waits for
/// that rollout instead of refusing it as another deployment or starting a second one.
/// </summary>
public sealed class RolloutJoinTests
{
    private static readonly DeploymentTags Release = new("1.4.0", "abc1234", "sha256:00", "prod", "alice");
    private readonly FakeTimeProvider time = new(new DateTimeOffset(T0.AddMinutes(4)));

    private static DeployEnvironment Environment => ProdEnvironment;

    private static Service RollingOutNew() =>
        Service(New, [Rollout(NewId, "PRIMARY", New, "IN_PROGRESS", 1, 2, pending: 1), Rollout(OldId, "ACTIVE", Old, "COMPLETED", 2, 2)]);

    [Fact]
    public async Task The_same_task_definition_still_rolling_out_is_joined_without_a_writing_call_and_rolls_back_to_what_ran_before()
    {
        var ecs = new ScriptedEcs().Then(RollingOutNew());
        var changes = new RemoteChanges(dryRun: false, new RecordingLog());

        var deployment = await Deployer(ecs, changes).DeployAsync(Environment, New, force: false, CancellationToken.None, release: Release);

        Assert.Equal(ServiceAction.Joined, deployment.Action);
        Assert.Equal(NewId, deployment.DeploymentId);
        Assert.Equal(Old, deployment.PreviousTaskDefinitionArn);
        Assert.Empty(changes.Calls);
        Assert.Empty(ecs.Updates);
    }

    [Fact]
    public async Task Forced_it_starts_a_new_deployment_of_the_same_task_definition_instead()
    {
        var ecs = new ScriptedEcs().Then(RollingOutNew());
        var changes = new RemoteChanges(dryRun: false, new RecordingLog());

        var deployment = await Deployer(ecs, changes).DeployAsync(Environment, New, force: true, CancellationToken.None, release: Release);

        Assert.Equal(ServiceAction.Updated, deployment.Action);
        Assert.True(Assert.Single(ecs.Updates).ForceNewDeployment);
    }

    [Fact]
    public async Task The_lock_lets_the_same_release_through_whoever_deployed_it()
    {
        var ecs = new ScriptedEcs();
        TagRevision(ecs, New, Release with { Actor = "ci" });

        var warning = await Lock(ecs).CheckAsync(RollingOutNew(), force: false, CancellationToken.None, Release);

        Assert.Null(warning);
    }

    [Theory]
    [InlineData("1.4.1", "abc1234", "sha256:00", "prod")]
    [InlineData("1.4.0", "def5678", "sha256:00", "prod")]
    [InlineData("1.4.0", "abc1234", "sha256:11", "prod")]
    [InlineData("1.4.0", "abc1234", "sha256:00", "staging")]
    public async Task The_lock_refuses_a_rollout_of_another_release(string version, string commit, string digest, string environment)
    {
        var ecs = new ScriptedEcs();
        TagRevision(ecs, New, new DeploymentTags(version, commit, digest, environment, "alice"));

        var refused = await Assert.ThrowsAsync<DeploymentInProgressException>(() => Lock(ecs).CheckAsync(RollingOutNew(), force: false, CancellationToken.None, Release));

        Assert.Contains($"Another deployment {NewId} of api:7 (version {version}, commit {commit}, by alice) is in progress", refused.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_lock_refuses_the_same_release_when_it_is_not_the_rollout_in_progress_but_a_failed_one()
    {
        var ecs = new ScriptedEcs();
        TagRevision(ecs, New, Release);
        var failedThenRollingBack = Service(Old, [Rollout(OldId, "PRIMARY", Old, "IN_PROGRESS", 1, 2), Rollout(NewId, "ACTIVE", New, "FAILED", 0, 2, failed: 3)]);
        TagRevision(ecs, Old, Release with { Version = "1.3.0" });

        await Assert.ThrowsAsync<DeploymentInProgressException>(() => Lock(ecs).CheckAsync(failedThenRollingBack, force: false, CancellationToken.None, Release));
    }

    private static void TagRevision(ScriptedEcs ecs, string arn, DeploymentTags tags) =>
        ecs.TaskDefinitions[arn] = new DescribeTaskDefinitionResponse
        {
            TaskDefinition = new TaskDefinition { TaskDefinitionArn = arn, Family = "api", Revision = int.Parse(arn[(arn.LastIndexOf(':') + 1)..], System.Globalization.CultureInfo.InvariantCulture) },
            Tags = tags.ToTags(),
        };

    private DeploymentLock Lock(ScriptedEcs ecs) =>
        new(new TaskDefinitionRegistrar(ecs, new RemoteChanges(false, new RecordingLog())), time);

    private ServiceDeployer Deployer(ScriptedEcs ecs, RemoteChanges changes) =>
        new(ecs, changes, new DeploymentLock(new TaskDefinitionRegistrar(ecs, changes), time), time);
}
