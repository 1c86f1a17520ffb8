using Slipway.Aws.Deployment;
using Slipway.Aws.Deployment.Environments;
using Slipway.Aws.Ecr;
using Slipway.Aws.Promotion;
using Slipway.Docker;

namespace Slipway.Components.Promotion;

/// <summary>
/// Puts the promoted image into the target's repository without pulling or building it: within one repository by
/// ECR's BatchGetImage + PutImage; to another repository of the same registry by a registry copy whose blobs are
/// mounted across repositories (a registry that refuses the mount gets the bytes through this machine, with a
/// warning that says how to turn mounting on); to another registry (account or region) blob by blob, skipping those already there.
/// Afterwards the target's repository must describe the very same digest.
/// </summary>
internal sealed class PromotionImageCopy(ILog log, Action<string> registerSecret)
{
    public async Task CopyAsync(DeployEnvironment source, IAmazonECR sourceEcr, DeployEnvironment target, IAmazonECR targetEcr, Release release, CancellationToken cancellationToken)
    {
        var readOnly = new RemoteChanges(dryRun: true, log);
        var from = await new RepositoryEnsurer(sourceEcr, readOnly).FindAsync(source.Repository, cancellationToken)
            ?? throw new PromotionRefusedException($"The source's ECR repository '{source.Repository}' ({source.File}) does not exist: the image of {release.Version} cannot be copied from it. Nothing was changed.");
        var to = await new RepositoryEnsurer(targetEcr, readOnly).FindAsync(target.Repository, cancellationToken)
            ?? throw new UsageException($"The ECR repository '{target.Repository}' of '{target.Name}' does not exist. Nothing was changed. Run ./build.sh EnvironmentUp --environment {target.Name} first.");

        if (from.RepositoryUri == to.RepositoryUri)
        {
            log.Information(await new EcrImageTagger(targetEcr).TagAsync(target.Repository, release.Digest, release.Version, cancellationToken));
            if (target.Endpoints.Registry is { Length: > 0 } registryHost)
            {
                await TagInRegistryAsync(registryHost, targetEcr, target.Repository, release, cancellationToken);
            }
        }
        else
        {
            var tagged = await new EcrImages(targetEcr).DigestOfTagAsync(target.Repository, release.Version, cancellationToken);
            if (tagged == release.Digest)
            {
                log.Information($"{to.RepositoryUri}:{release.Version} is already {release.Digest}: nothing copied");
            }
            else if (tagged is not null)
            {
                throw new PromotionRefusedException($"The tag {to.RepositoryUri}:{release.Version} already names another image ({tagged}), not {release.Digest}; the repository's tags are immutable. Nothing was changed.");
            }
            else
            {
                await CopyBetweenRepositoriesAsync(source, sourceEcr, from.RepositoryUri!, target, targetEcr, to.RepositoryUri!, release, cancellationToken);
            }
        }

        var copied = await new EcrImages(targetEcr).RequireAsync(target.Repository, release.Digest, cancellationToken);
        if (copied.ImageDigest != release.Digest)
        {
            throw new InvalidOperationException($"{target.Repository} describes {copied.ImageDigest} after the copy, not {release.Digest}");
        }

        log.Information($"{to.RepositoryUri}@{release.Digest}: the same digest as in '{source.Name}'");
    }

    private async Task CopyBetweenRepositoriesAsync(DeployEnvironment source, IAmazonECR sourceEcr, string sourceUri, DeployEnvironment target, IAmazonECR targetEcr, string targetUri, Release release, CancellationToken cancellationToken)
    {
        var sourceHost = RegistryHost(source, sourceUri);
        var targetHost = RegistryHost(target, targetUri);
        var targetLogin = await LoginAsync(targetEcr, cancellationToken);
        using var targetRegistry = RegistryClient.ForHost(targetHost, targetLogin);
        string digest;
        if (sourceHost == targetHost)
        {
            // One registry: ECR's token covers both repositories, and blobs are mounted instead of sent.
            log.Information($"Copying {release.Digest} from {source.Repository} to {target.Repository} in {targetHost} (cross-repository mount)");
            var sent = new List<string>();
            digest = await targetRegistry.CopyImageAsync(source.Repository, release.Digest, target.Repository, release.Version, cancellationToken, sent.Add);
            if (sent.Count > 0)
            {
                log.Warning(
                    $"{targetHost} would not mount {sent.Count} blob(s) from {source.Repository} into {target.Repository}, so their bytes went through this machine (slower, and growing with the image's size). " +
                    "On Amazon ECR, turn blob mounting on for the registry (it mounts within one account and region, between repositories with the same encryption): aws ecr put-account-setting --name BLOB_MOUNTING --value ENABLED.");
            }
        }
        else
        {
            var sourceLogin = await LoginAsync(sourceEcr, cancellationToken);
            using var sourceRegistry = RegistryClient.ForHost(sourceHost, sourceLogin);
            log.Information($"Copying {release.Digest} from {sourceHost}/{source.Repository} to {targetHost}/{target.Repository} (blobs the target has are skipped)");
            digest = await new RegistryToRegistryCopy(sourceRegistry, targetRegistry).CopyAsync(source.Repository, release.Digest, target.Repository, release.Version, cancellationToken);
        }

        if (digest != release.Digest)
        {
            throw new InvalidOperationException($"The copy of {release.Digest} arrived in {target.Repository} as {digest}: the manifest changed on the way");
        }

        if (target.Endpoints.Registry is { Length: > 0 })
        {
            // The copy went to endpoints.registry, which the target's ECR API does not see: tell it, as EcrPush does.
            await new EcrManifestRegistration(targetEcr, log).RegisterAsync(targetRegistry, target.Repository, release.Digest, [release.Version], cancellationToken);
        }
    }

    /// <summary>
    /// Within one repository behind <c>endpoints.registry</c> the ECR API was tagged; the registry, which is where
    /// the image is pulled from, gets the same manifest bytes under the version tag.
    /// </summary>
    private async Task TagInRegistryAsync(string registryHost, IAmazonECR ecr, string repository, Release release, CancellationToken cancellationToken)
    {
        using var registry = RegistryClient.ForHost(registryHost, await LoginAsync(ecr, cancellationToken));
        if ((await registry.HeadManifestAsync(repository, release.Version, cancellationToken))?.Digest == release.Digest)
        {
            return;
        }

        var manifest = await registry.GetManifestAsync(repository, release.Digest, cancellationToken)
            ?? throw new PromotionRefusedException($"The image {release.Digest} is not in {registryHost}/{repository} (endpoints.registry), though the ECR API lists it. Nothing was deployed.");
        await registry.PutManifestAsync(repository, release.Version, manifest, cancellationToken);
        log.Information($"{registryHost}/{repository}:{release.Version} → {release.Digest} (endpoints.registry)");
    }

    private async Task<RegistryCredentials> LoginAsync(IAmazonECR ecr, CancellationToken cancellationToken)
    {
        var login = await RegistryLogin.GetAsync(ecr, cancellationToken);
        registerSecret(login.Password);
        registerSecret(Convert.ToBase64String(System.Text.Encoding.UTF8.GetBytes($"{login.Username}:{login.Password}")));
        return new RegistryCredentials(login.Username, login.Password);
    }

    /// <summary>The registry a repository's blobs live in: its URI's host, or the environment's <c>endpoints.registry</c>.</summary>
    private static string RegistryHost(DeployEnvironment environment, string repositoryUri) =>
        environment.Endpoints.Registry is { Length: > 0 } registry ? registry : repositoryUri[..repositoryUri.IndexOf('/', StringComparison.Ordinal)];
}
