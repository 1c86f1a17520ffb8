using Slipway.Aws.Deployment;
using Slipway.Aws.Deployment.Environments;
using Slipway.Aws.Ecr;
using Slipway.Aws.Ecs;
using Slipway.Aws.Promotion;
using Slipway.Components.Promotion;

namespace Slipway.Components;

/// <summary>
/// <c>Promote</c>: the release another environment runs (<c>--from</c>, its PRIMARY and COMPLETED deployment, or a
/// <c>--version</c>/<c>--digest</c> it ran successfully) is copied to the target's repository by digest, without a
/// pull or a build, and deployed to <c>--to</c> with the target's own template values and EcsDeploy's whole wait.
/// The target's <c>promoteFrom</c> must name the source; a <c>protected</c> target asks on a terminal.
/// </summary>
public interface IPromote : IEcsDeploy
{
    [Parameter("Promote: the environment whose release is copied (the target's promoteFrom)", Name = "From", ValueProviderMember = nameof(EnvironmentNames))]
    string? PromoteSource => TryGetValue(() => PromoteSource);

    [Parameter("Promote: the environment that receives the release", Name = "To", ValueProviderMember = nameof(EnvironmentNames))]
    string? PromoteTarget => TryGetValue(() => PromoteTarget);

    [Parameter("Promote: the version to promote, one the source ran successfully (default: what it runs now)", Name = "Version")]
    string? PromoteVersion => TryGetValue(() => PromoteVersion);

    [Parameter("Promote: the image digest (sha256:...) to promote, one the source ran successfully (default: what it runs now)", Name = "Digest")]
    string? PromoteDigest => TryGetValue(() => PromoteDigest);

    [Parameter("Promote: confirm a promotion to a protected environment without asking")]
    bool Yes => TryGetValue<bool>(() => Yes) ?? false;

    Target Promote => _ => _
        .Description("Copy the release --from runs to --to by digest (no pull, no build) and deploy it there")
        .Executes(ct => DeployFailures.RunAsync(async () =>
        {
            var files = new EnvironmentFiles(EnvironmentsDirectory);
            var source = LoadNamed(files, PromoteSource, "--from");
            var target = LoadNamed(files, PromoteTarget, "--to");
            PromotionRules.Check(source, target);

            await VerifyAccountAsync(source, ct);
            var caller = await VerifyAccountAsync(target, ct);
            using var sourceEcs = new AmazonECSClient(AwsOptions(source, source.Endpoints.Ecs));
            using var sourceEcr = new AmazonECRClient(AwsOptions(source, source.Endpoints.Ecr));
            using var targetEcs = new AmazonECSClient(AwsOptions(target, target.Endpoints.Ecs));
            using var targetEcr = new AmazonECRClient(AwsOptions(target, target.Endpoints.Ecr));

            var state = await new ReleaseHistory(sourceEcs, TimeProvider).ReadAsync(source, ct);
            var release = PromotionSource.Choose(state, PromoteVersion, PromoteDigest);
            Log.Information($"Promoting from '{source.Name}' to '{target.Name}': {release.Describe()}");
            ProtectedTargetConfirmation.Require(target, release, Yes, NukeBuild.IsServerBuild, Log);

            if (DryRun)
            {
                Log.Information($"would copy {release.Digest} from {source.Repository} to {target.Repository} and deploy it to '{target.Name}'");
            }
            else
            {
                await new PromotionImageCopy(Log, RegisterSecret).CopyAsync(source, sourceEcr, target, targetEcr, release, ct);
            }

            var request = DeployRequestFor(target, caller, release.Digest, release.Version, release.Commit);
            var result = await ObserveDeploymentAsync(observer => new EcsDeployer(targetEcs, targetEcr, TimeProvider, Log, observer).DeployAsync(request, ct));
            await ReportAsync(result with { Record = result.Record with { Action = $"promoted from {source.Name} ({result.Record.Action})" } }, ct);
        }));

    private DeployEnvironment LoadNamed(EnvironmentFiles files, string? name, string flag)
    {
        if (string.IsNullOrWhiteSpace(name))
        {
            throw new UsageException($"Promote needs {flag}: one of {string.Join(", ", EnvironmentNames)} (e.g. ./build.sh Promote --from staging --to production).");
        }

        return files.Load(name);
    }
}
