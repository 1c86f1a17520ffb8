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

/// <summary>The lock and the no-op, on scripted services: a foreign deployment in progress stops the deploy.</summary>
public sealed class DeploymentLockTests
{
    private readonly FakeTimeProvider time = new(new DateTimeOffset(T0.AddMinutes(4)));

    private static DeployEnvironment Environment => ProdEnvironment;

    [Fact]
    public async Task A_foreign_deployment_in_progress_stops_the_deploy_saying_whose_and_since_when_and_nothing_is_written()
    {
        var ecs = new ScriptedEcs().Then(Service(Old, [Rollout(OldId, "PRIMARY", Old, "IN_PROGRESS", 1, 2, pending: 1), Rollout("ecs-svc/0000000000000000005", "ACTIVE", "arn:aws:ecs:us-east-1:123456789012:task-definition/api:5", "COMPLETED", 2, 2)]));
        ecs.TaskDefinitions[Old] = new DescribeTaskDefinitionResponse
        {
            TaskDefinition = new TaskDefinition { TaskDefinitionArn = Old, Family = "api", Revision = 6 },
            Tags = new DeploymentTags("1.4.0", "abc1234", "sha256:00", "prod", "alice").ToTags(),
        };
        var changes = new RemoteChanges(dryRun: false, new RecordingLog());

        var refused = await Assert.ThrowsAsync<DeploymentInProgressException>(() => Deployer(ecs, changes).DeployAsync(Environment, New, force: false, CancellationToken.None));

        Assert.Contains($"Another deployment {OldId} of api:6 (version 1.4.0, commit abc1234, by alice) is in progress on service 'api' since 2026-11-28 03:00:00Z (4 min ago)", refused.Message, StringComparison.Ordinal);
        Assert.Contains("pass --force", refused.Message, StringComparison.Ordinal);
        Assert.Empty(changes.Calls);
        Assert.DoesNotContain("UpdateService", ecs.Calls);
    }

    [Fact]
    public async Task Force_deploys_over_it_with_a_warning_and_records_our_deployment_id()
    {
        var ecs = new ScriptedEcs().Then(Service(Old, [Rollout(OldId, "PRIMARY", Old, "IN_PROGRESS", 1, 2)]));
        var changes = new RemoteChanges(dryRun: false, new RecordingLog());

        var deployment = await Deployer(ecs, changes).DeployAsync(Environment, New, force: true, CancellationToken.None);

        Assert.Equal(ServiceAction.Updated, deployment.Action);
        Assert.Equal("ecs-svc/9000000000000000009", deployment.DeploymentId);
        Assert.Equal(Old, deployment.PreviousTaskDefinitionArn);
        Assert.Contains("--force: deploying although deployment", deployment.Warning, StringComparison.Ordinal);
        Assert.Contains("(not deployed by Slipway)", deployment.Warning, StringComparison.Ordinal);
        Assert.Equal(["ECS UpdateService api"], changes.Calls);
    }

    [Fact]
    public async Task The_same_task_definition_on_a_steady_service_is_a_no_op_without_any_writing_call()
    {
        var ecs = new ScriptedEcs().Then(Service("api:7", [Rollout(NewId, "PRIMARY", New, "COMPLETED", 2, 2)]));
        var changes = new RemoteChanges(dryRun: false, new RecordingLog());

        var deployment = await Deployer(ecs, changes).DeployAsync(Environment, New, force: false, CancellationToken.None);

        Assert.Equal(ServiceAction.Unchanged, deployment.Action);
        Assert.Equal(NewId, deployment.DeploymentId);
        Assert.Empty(changes.Calls);
        Assert.Equal(["DescribeServices"], ecs.Calls);
    }

    [Fact]
    public async Task The_same_task_definition_is_deployed_again_when_forced_or_when_the_last_deployment_failed()
    {
        var forced = new ScriptedEcs().Then(Service(New, [Rollout(NewId, "PRIMARY", New, "COMPLETED", 2, 2)]));
        var failed = new ScriptedEcs().Then(Service(New, [Rollout(NewId, "PRIMARY", New, "FAILED", 0, 2, failed: 3)]));

        await Deployer(forced, new RemoteChanges(false, new RecordingLog())).DeployAsync(Environment, New, force: true, CancellationToken.None);
        await Deployer(failed, new RemoteChanges(false, new RecordingLog())).DeployAsync(Environment, New, force: false, CancellationToken.None);

        Assert.True(Assert.Single(forced.Updates).ForceNewDeployment);
        Assert.True(Assert.Single(failed.Updates).ForceNewDeployment);
    }

    [Fact]
    public async Task A_dry_run_lists_the_update_without_making_it()
    {
        var ecs = new ScriptedEcs().Then(Service(Old, [Rollout(OldId, "PRIMARY", Old, "COMPLETED", 2, 2)]));
        var changes = new RemoteChanges(dryRun: true, new RecordingLog());

        var deployment = await Deployer(ecs, changes).DeployAsync(Environment, New, force: false, CancellationToken.None);

        Assert.Equal(["ECS UpdateService api"], changes.Calls);
        Assert.Empty(ecs.Updates);
        Assert.Null(deployment.DeploymentId);
    }

    private ServiceDeployer Deployer(ScriptedEcs ecs, RemoteChanges changes) =>
        new(ecs, changes, new DeploymentLock(new TaskDefinitionRegistrar(ecs, changes), time), time);
}
