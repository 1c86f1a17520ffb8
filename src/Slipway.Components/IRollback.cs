using Slipway.Aws.Deployment.Watching;
using Slipway.Aws.Ecs;
using Slipway.Aws.Promotion;

namespace Slipway.Components;

/// <summary>
/// <c>Rollback</c>: <c>--environment</c> goes back to its last successful deployment before the current one (from
/// the task definitions' records, not "revision minus one"), with EcsDeploy's wait, fail-fast and rollback.
/// </summary>
public interface IRollback : IEcsDeploy
{
    Target Rollback => _ => _
        .Description("Return --environment to its last successful deployment before the current one, and wait for it")
        .Executes(ct => DeployFailures.RunAsync(async () =>
        {
            var environment = DeployEnvironment;
            var caller = await VerifyAccountAsync(environment, ct);
            using var ecs = new AmazonECSClient(AwsOptions(environment, environment.Endpoints.Ecs));
            var state = await new ReleaseHistory(ecs, TimeProvider).ReadAsync(environment, ct);
            var release = RollbackTarget.Choose(state);
            if (DryRun)
            {
                Log.Information($"would roll '{environment.Name}' back from {state.Current?.Describe() ?? state.Service?.TaskDefinition} to {release.Describe()}");
                return;
            }

            var watch = new WatchOptions { Mode = Wait, Timeout = DeployTimeout };
            var record = await ObserveDeploymentAsync(observer => new RollbackDeployer(ecs, TimeProvider, Log, observer).RollBackAsync(environment, caller, release, Actor, Force, watch, ct));
            await ReportRecordAsync(record, ct);
        }));
}
