using Slipway.Aws.Deployment.Services;
using Slipway.Aws.Deployment.Watching;
using Slipway.Aws.Ecs.Model;
using Slipway.Aws.Promotion;
using Slipway.Aws.Tests.Deployment;
using Slipway.Aws.Tests.Support;
using Slipway.Output;
using Task = System.Threading.Tasks.Task;

namespace Slipway.Aws.Tests.Promotion;

/// <summary>
/// A rollback to the revision already running steady, on a moto_server whose services run their tasks: it changes,
/// waits for and marks nothing.
/// </summary>
[Collection(UsesRunningServicesMoto.Name)]
public sealed class RollbackUnchangedTests(RunningServicesMoto moto)
{
    [Fact]
    public async Task A_rollback_to_the_revision_already_running_steady_is_unchanged_and_writes_nothing()
    {
        using var env = await MotoDeployment.WithRepositoryAsync(moto);
        var digest = await env.PutImageAsync(Samples.Manifest, "1.0.0");
        await env.DeployAsync(env.Request(digest, wait: WaitMode.Deployed));
        var running = (await new ReleaseHistory(env.Ecs, TimeProvider.System).ReadAsync(env.Environment, CancellationToken.None)).Current!;
        env.Proxy.Clear();
        var log = new RecordingLog();

        var record = await new RollbackDeployer(env.Ecs, TimeProvider.System, log, new LogDeploymentObserver(log))
            .RollBackAsync(env.Environment, MotoDeployment.Caller, running, "rollbacker", force: false, new WatchOptions { Mode = WaitMode.Deployed, Timeout = TimeSpan.FromSeconds(20) }, CancellationToken.None);

        Assert.Equal(("rollback", "unchanged"), (record.Action, record.Outcome));
        Assert.Empty(env.Proxy.WritingOperations);
        Assert.Equal([$"Rolling '{env.Environment.Name}' back to {running.Describe()}"], log.Lines.Where(l => l.Level == LogLevel.Information).Select(l => l.Message));
    }
}

/// <summary>A rollback forced over a deployment in progress (moto's services start no task here) warns whose it overrides.</summary>
[Collection(UsesMoto.Name)]
public sealed class RollbackForcedTests(MotoServer moto)
{
    [Fact]
    public async Task A_rollback_forced_over_a_deployment_in_progress_warns_whose_deployment_it_overrides()
    {
        using var env = await MotoDeployment.WithRepositoryAsync(moto);
        var digest = await env.PutImageAsync(Samples.Manifest, "1.0.0");
        var deployed = await env.DeployAsync(env.Request(digest));
        var release = (await new ReleaseHistory(env.Ecs, TimeProvider.System).ReadAsync(env.Environment, CancellationToken.None)).Current!;
        env.Proxy.Clear();

        var record = await new RollbackDeployer(env.Ecs, TimeProvider.System, env.Log, new LogDeploymentObserver(env.Log))
            .RollBackAsync(env.Environment, MotoDeployment.Caller, release, "rollbacker", force: true, new WatchOptions { Mode = WaitMode.None }, CancellationToken.None);

        var warning = Assert.Single(env.Log.Lines, l => l.Level == LogLevel.Warning).Message;
        Assert.StartsWith(
            $"--force: deploying although deployment {deployed.Record.DeploymentId} of {ServiceDeployments.FamilyRevision(release.TaskDefinitionArn)} (version 1.0.0, commit 0123456789abcdef0123456789abcdef01234567, by tester) is in progress on service '{env.Environment.Service}' since ",
            warning,
            StringComparison.Ordinal);
        Assert.Equal(("rollback", "not-waited"), (record.Action, record.Outcome));
        Assert.Equal(["UpdateService"], env.Proxy.WritingOperations);
    }
}
