using Microsoft.Extensions.Time.Testing;
using Slipway.Aws.Deployment;
using Slipway.Aws.Deployment.Services;
using Slipway.Aws.Deployment.TaskDefinitions;
using Slipway.Aws.Deployment.Watching;
using Slipway.Aws.Promotion;
using Slipway.Aws.Tests.Support;
using Slipway.Output;
using static Slipway.Aws.Tests.Deployment.EcsShapes;
using Task = System.Threading.Tasks.Task;

namespace Slipway.Aws.Tests.Deployment;

/// <summary>
/// The service update on scripted ECS: the reason logged for a service that names no task definition (an external
/// deployment controller leaves it out), and a waited update that streams only the events that came after it.
/// </summary>
public sealed class ServiceUpdateScriptedTests
{
    [Fact]
    public async Task A_service_naming_no_task_definition_is_updated_saying_it_had_none()
    {
        var time = new FakeTimeProvider(new DateTimeOffset(T0));
        var ecs = new ScriptedEcs().Then(Service(null!, [Rollout(OldId, "PRIMARY", Old, "COMPLETED", 2, 2)]));
        var log = new RecordingLog();
        var changes = new RemoteChanges(dryRun: false, log);

        var deployment = await new ServiceDeployer(ecs, changes, new DeploymentLock(new TaskDefinitionRegistrar(ecs, changes), time), time)
            .DeployAsync(ProdEnvironment, New, force: false, CancellationToken.None);

        Assert.Equal(ServiceAction.Updated, deployment.Action);
        Assert.Equal([(LogLevel.Information, "ECS UpdateService api: task definition none → api:7")], log.Lines.Where(l => l.Level == LogLevel.Information));
    }

    [Fact]
    public async Task A_waited_rollback_shows_only_the_service_events_that_came_after_its_update()
    {
        var time = new SteppedClock(new DateTimeOffset(T0));
        var before = (-60, "has reached a steady state.");
        var scripted = new ScriptedEcs().Then(Service(New, [Rollout(NewId, "PRIMARY", New, "COMPLETED", 2, 2)], before));
        scripted.AfterUpdate.Add(Service(Old, [Rollout("ecs-svc/9000000000000000009", "PRIMARY", Old, "COMPLETED", 2, 2)], before, (20, "has reached a steady state.")));
        var log = new RecordingLog();
        var release = new Release { TaskDefinitionArn = Old, Revision = 6, Version = "1.0.0", Commit = "0123456", Digest = "sha256:aa", Image = "repo@sha256:aa", Actor = "tester" };

        await time.RunAsync(
            new RollbackDeployer(scripted, time, log, new LogDeploymentObserver(log)).RollBackAsync(ProdEnvironment, new CallerIdentity("123456789012", "arn:aws:iam::123456789012:user/ci", "AIDA"), release, "tester", force: false, new WatchOptions { Mode = WaitMode.Deployed, PollInterval = TimeSpan.FromSeconds(5), Timeout = TimeSpan.FromMinutes(10) }, CancellationToken.None),
            TimeSpan.FromSeconds(1));

        Assert.Equal(["[03:00:20] (service api) has reached a steady state."], log.Lines.Select(l => l.Message).Where(m => m.StartsWith('[')));
    }
}
