using Slipway.Aws.Ecr;
using Slipway.Aws.Ecr.Model;

namespace Slipway.Aws.Deployment;

/// <summary>
/// Makes sure the repository exists with the pipeline's settings. A missing one is created (immutable tags, scan on
/// push, tags) and given the lifecycle policy; an existing one is compared and its drift reported, but changed only
/// when <c>fixDrift</c> is asked for: someone may have changed it on purpose.
/// </summary>
public sealed class RepositoryEnsurer(IAmazonECR ecr, RemoteChanges changes)
{
    public async Task<EcrRepository> EnsureAsync(string name, RepositorySettings settings, bool fixDrift, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(settings);
        var existing = await FindAsync(name, cancellationToken);
        if (existing is null)
        {
            var created = await changes.MakeAsync($"ECR CreateRepository {name}", "the repository does not exist", () => ecr.CreateRepositoryAsync(new CreateRepositoryRequest
            {
                RepositoryName = name,
                ImageTagMutability = RepositorySettings.TagMutability,
                ImageScanningConfiguration = new ImageScanningConfiguration { ScanOnPush = RepositorySettings.ScanOnPush },
                Tags = [.. settings.Tags.Select(t => new Tag { Key = t.Key, Value = t.Value })],
            }, cancellationToken));
            await PutPolicyAsync(name, settings, "a new repository gets the lifecycle policy", cancellationToken);
            return created?.Repository is { } repository
                ? ToResult(repository, created: true, [])
                : new EcrRepository(name, $"(created by the deploy)/{name}", "", "", Created: true, []);
        }

        var drift = await DriftAsync(existing, settings, cancellationToken);
        if (fixDrift && drift.Count > 0)
        {
            await FixAsync(existing, settings, cancellationToken);
        }

        return ToResult(existing, created: false, drift);
    }

    public async Task<Repository?> FindAsync(string name, CancellationToken cancellationToken)
    {
        try
        {
            var found = await ecr.DescribeRepositoriesAsync(new DescribeRepositoriesRequest { RepositoryNames = [name] }, cancellationToken);
            return found.Repositories?.FirstOrDefault();
        }
        catch (RepositoryNotFoundException)
        {
            return null;
        }
    }

    private async Task<List<string>> DriftAsync(Repository repository, RepositorySettings settings, CancellationToken cancellationToken)
    {
        var drift = new List<string>();
        if (repository.ImageTagMutability != RepositorySettings.TagMutability)
        {
            drift.Add($"imageTagMutability is {repository.ImageTagMutability ?? "unset"}, expected {RepositorySettings.TagMutability}");
        }

        if (repository.ImageScanningConfiguration?.ScanOnPush != RepositorySettings.ScanOnPush)
        {
            drift.Add("scanOnPush is off, expected on");
        }

        var policy = await PolicyAsync(repository.RepositoryName!, cancellationToken);
        if (!RepositorySettings.SamePolicy(policy, settings.LifecyclePolicyText))
        {
            drift.Add(policy is null ? "no lifecycle policy, expected the one in deploy/ecr-lifecycle.json" : "the lifecycle policy differs from deploy/ecr-lifecycle.json");
        }

        return drift;
    }

    private async Task<string?> PolicyAsync(string name, CancellationToken cancellationToken)
    {
        try
        {
            return (await ecr.GetLifecyclePolicyAsync(new GetLifecyclePolicyRequest { RepositoryName = name }, cancellationToken)).LifecyclePolicyText;
        }
        catch (LifecyclePolicyNotFoundException)
        // Stryker disable once Block : an emptied catch block gets Stryker's "return default", which is this null
        {
            return null;
        }
    }

    private async Task FixAsync(Repository repository, RepositorySettings settings, CancellationToken cancellationToken)
    {
        var name = repository.RepositoryName!;
        if (repository.ImageTagMutability != RepositorySettings.TagMutability)
        {
            await changes.MakeAsync($"ECR PutImageTagMutability {name}", "fixing drift", () => ecr.PutImageTagMutabilityAsync(
                new PutImageTagMutabilityRequest { RepositoryName = name, ImageTagMutability = RepositorySettings.TagMutability }, cancellationToken));
        }

        if (repository.ImageScanningConfiguration?.ScanOnPush != RepositorySettings.ScanOnPush)
        {
            await changes.MakeAsync($"ECR PutImageScanningConfiguration {name}", "fixing drift", () => ecr.PutImageScanningConfigurationAsync(
                new PutImageScanningConfigurationRequest { RepositoryName = name, ImageScanningConfiguration = new ImageScanningConfiguration { ScanOnPush = RepositorySettings.ScanOnPush } }, cancellationToken));
        }

        if (!RepositorySettings.SamePolicy(await PolicyAsync(name, cancellationToken), settings.LifecyclePolicyText))
        {
            await PutPolicyAsync(name, settings, "fixing drift", cancellationToken);
        }
    }

    private Task<PutLifecyclePolicyResponse?> PutPolicyAsync(string name, RepositorySettings settings, string why, CancellationToken cancellationToken) =>
        changes.MakeAsync($"ECR PutLifecyclePolicy {name}", why, () => ecr.PutLifecyclePolicyAsync(
            new PutLifecyclePolicyRequest { RepositoryName = name, LifecyclePolicyText = settings.LifecyclePolicyText }, cancellationToken));

    private static EcrRepository ToResult(Repository repository, bool created, IReadOnlyList<string> drift) =>
        new(repository.RepositoryName ?? "", repository.RepositoryUri ?? "", repository.RegistryId ?? "", repository.RepositoryArn ?? "", created, drift);
}
