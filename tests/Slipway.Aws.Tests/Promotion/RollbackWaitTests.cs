using Slipway.Aws.Deployment.Watching;
using Slipway.Aws.Ecs.Model;
using Slipway.Aws.Promotion;
using Slipway.Aws.Tests.Deployment;
using Slipway.Aws.Tests.Support;
using Slipway.Output;
using static Slipway.Aws.Tests.Deployment.EcsShapes;
using Task = System.Threading.Tasks.Task;

namespace Slipway.Aws.Tests.Promotion;

/// <summary>
/// A rollback that waits, on scripted ECS (moto's UpdateService starts no new deployment to wait for): it says what it
/// waits for, and once its deployment completed the revision gone back to is marked succeeded and the one left marked
/// rolled back, which is what Releases and the next Rollback read.
/// </summary>
public sealed class RollbackWaitTests
{
    private const string RollbackId = "ecs-svc/9000000000000000009";
    private static readonly WatchOptions Watch = new() { Mode = WaitMode.Deployed, PollInterval = TimeSpan.FromSeconds(5), Timeout = TimeSpan.FromMinutes(10) };

    private readonly SteppedClock time = new(new DateTimeOffset(T0));
    private readonly RecordingLog log = new();

    private static Release Earlier => new()
    {
        TaskDefinitionArn = Old,
        Revision = 6,
        Version = "1.0.0",
        Commit = "0123456789abcdef0123456789abcdef01234567",
        Digest = "sha256:" + new string('a', 64),
        Image = "123456789012.dkr.ecr.us-east-1.amazonaws.com/slipway/api@sha256:" + new string('a', 64),
        Actor = "tester",
        DeployedAt = new DateTimeOffset(T0.AddDays(-1)),
        DeployedBy = "tester",
    };

    private static ScriptedEcs RunningNewThenBackOnOld(Ecs.Model.Deployment rollback)
    {
        var ecs = new ScriptedEcs().Then(Service(New, [Rollout(NewId, "PRIMARY", New, "COMPLETED", 2, 2)]));
        ecs.AfterUpdate.Add(Service(Old, [Rollout(RollbackId, "PRIMARY", Old, "IN_PROGRESS", 1, 2, pending: 1), Rollout(NewId, "ACTIVE", New, "COMPLETED", 1, 2)]));
        ecs.AfterUpdate.Add(Service(Old, [rollback]));
        return ecs;
    }

    [Fact]
    public async Task A_waited_rollback_says_what_it_waits_for_and_once_completed_marks_the_revision_succeeded_and_the_one_left_rolled_back()
    {
        var ecs = RunningNewThenBackOnOld(Rollout(RollbackId, "PRIMARY", Old, "COMPLETED", 2, 2));

        var record = await RollBackAsync(ecs);

        Assert.Equal(("rollback", "succeeded", RollbackId, Old), (record.Action, record.Outcome, record.DeploymentId, record.TaskDefinitionArn));
        Assert.Contains((LogLevel.Information, $"Waiting for deployment {RollbackId} (Deployed, at most 10 min)"), log.Lines);
        AssertMarked(ecs);
    }

    [Fact]
    public async Task A_rollback_whose_update_named_no_deployment_yet_waits_for_the_one_that_started_within_ECSs_clock_skew()
    {
        // ECS's clock may be a few seconds behind ours: a deployment of our revision created 5 s before we asked is ours.
        var rollback = Rollout(RollbackId, "PRIMARY", Old, "COMPLETED", 2, 2);
        rollback.CreatedAt = T0.AddSeconds(-5);
        var ecs = RunningNewThenBackOnOld(rollback);
        ecs.UnnamedDeployment = true;

        var record = await RollBackAsync(ecs);

        Assert.Equal(("rollback", "succeeded", null), (record.Action, record.Outcome, record.DeploymentId));
        Assert.Contains((LogLevel.Information, "Waiting for deployment (not yet named) (Deployed, at most 10 min)"), log.Lines);
        AssertMarked(ecs);
    }

    private Task<Aws.Deployment.Records.DeploymentRecord> RollBackAsync(ScriptedEcs ecs) =>
        time.RunAsync(
            new RollbackDeployer(ecs, time, log, new LogDeploymentObserver(log)).RollBackAsync(ProdEnvironment, new Aws.Deployment.CallerIdentity("123456789012", "arn:aws:iam::123456789012:user/ci", "AIDA"), Earlier, "rollbacker", force: false, Watch, CancellationToken.None),
            TimeSpan.FromSeconds(1));

    private static void AssertMarked(ScriptedEcs ecs)
    {
        Assert.Equal([Old, New], ecs.Tagged.Select(t => t.ResourceArn));
        var succeeded = ecs.Tagged[0].Tags!.ToDictionary(t => t.Key!, t => t.Value);
        Assert.Equal([DeploymentMarks.DeployedAt, DeploymentMarks.DeployedBy], succeeded.Keys);
        Assert.Equal("rollbacker", succeeded[DeploymentMarks.DeployedBy]);
        Assert.True(DeploymentMarks.Parse(succeeded[DeploymentMarks.DeployedAt]) > new DateTimeOffset(T0));
        var left = Assert.Single(ecs.Tagged[1].Tags!);
        Assert.Equal(DeploymentMarks.RolledBackAt, left.Key);
        Assert.True(DeploymentMarks.Parse(left.Value) > new DateTimeOffset(T0));
    }
}
