using System.Text;
using System.Text.RegularExpressions;
using Slipway.Aws.Ecr.Model;
using Slipway.LocalCloud.Ecs;
using Slipway.LocalCloud.Protocol;
using Slipway.LocalCloud.State;

namespace Slipway.LocalCloud.Ecr;

/// <summary>Repositories and their settings, lifecycle policies, and the authorization token for the local registry.</summary>
internal sealed partial class RepositoryOperations(StateStore store, CloudIdentity identity, TimeProvider time)
{
    public GetAuthorizationTokenResponse GetAuthorizationToken(GetAuthorizationTokenRequest request)
    {
        var password = store.Read(state => state.RegistryPassword);
        var token = Convert.ToBase64String(Encoding.UTF8.GetBytes($"AWS:{password}"));
        var count = Math.Max(1, request.RegistryIds?.Count ?? 0);
        return new GetAuthorizationTokenResponse
        {
            AuthorizationData = [.. Enumerable.Range(0, count).Select(_ => new AuthorizationData
            {
                AuthorizationToken = token,
                ExpiresAt = time.GetUtcNow().UtcDateTime.AddHours(12),
                ProxyEndpoint = $"http://{identity.RegistryHost}",
            })],
        };
    }

    public CreateRepositoryResponse CreateRepository(CreateRepositoryRequest request)
    {
        var name = request.RepositoryName ?? "";
        if (name.Length is < 2 or > 256 || !RepositoryName().IsMatch(name))
        {
            throw ApiError.InvalidParameter(
                "Invalid parameter at 'repositoryName' failed to satisfy constraint: 'must satisfy regular expression '(?:[a-z0-9]+(?:[._-][a-z0-9]+)*/)*[a-z0-9]+(?:[._-][a-z0-9]+)*''");
        }

        var mutability = request.ImageTagMutability ?? ImageTagMutability.Mutable;
        ValidateMutability(mutability);
        return store.Mutate(state =>
        {
            if (state.Repositories.ContainsKey(name))
            {
                throw new ApiError("RepositoryAlreadyExistsException", $"The repository with name '{name}' already exists in the registry with id '{CloudIdentity.Account}'");
            }

            var repository = new RepositoryRecord
            {
                Name = name,
                Arn = identity.RepositoryArn(name),
                CreatedAt = time.GetUtcNow().UtcDateTime,
                ImageTagMutability = mutability,
                ImageTagMutabilityExclusionFilters = [.. (request.ImageTagMutabilityExclusionFilters ?? []).Select(ModelCopy.Of)],
                ScanOnPush = request.ImageScanningConfiguration?.ScanOnPush ?? false,
                Encryption = request.EncryptionConfiguration is null ? new EncryptionConfiguration { EncryptionType = "AES256" } : ModelCopy.Of(request.EncryptionConfiguration),
                Tags = [.. request.Tags ?? []],
            };
            state.Repositories[name] = repository;
            return new CreateRepositoryResponse { Repository = Project(repository) };
        });
    }

    public DescribeRepositoriesResponse DescribeRepositories(DescribeRepositoriesRequest request)
    {
        var all = store.Read(state =>
        {
            if (request.RepositoryNames is { Count: > 0 } names)
            {
                return names.Select(n => Require(state, n)).Select(Project).ToList();
            }

            return state.Repositories.Values.OrderBy(r => r.Name, StringComparer.Ordinal).Select(Project).ToList();
        });
        var page = Paging.Take(all, request.NextToken, request.MaxResults, 1000);
        return new DescribeRepositoriesResponse { Repositories = page.Items, NextToken = page.NextToken };
    }

    public PutLifecyclePolicyResponse PutLifecyclePolicy(PutLifecyclePolicyRequest request)
    {
        if (LifecyclePolicyValidator.Problem(request.LifecyclePolicyText) is { } problem)
        {
            throw ApiError.InvalidParameter(problem);
        }

        return store.Mutate(state =>
        {
            var repository = Require(state, request.RepositoryName);
            repository.LifecyclePolicyText = request.LifecyclePolicyText;
            return new PutLifecyclePolicyResponse { RegistryId = CloudIdentity.Account, RepositoryName = repository.Name, LifecyclePolicyText = repository.LifecyclePolicyText };
        });
    }

    public GetLifecyclePolicyResponse GetLifecyclePolicy(GetLifecyclePolicyRequest request) => store.Read(state =>
    {
        var repository = Require(state, request.RepositoryName);
        return repository.LifecyclePolicyText is null
            ? throw new ApiError("LifecyclePolicyNotFoundException", $"Lifecycle policy does not exist for the repository with name '{repository.Name}' in the registry with id '{CloudIdentity.Account}'")
            : new GetLifecyclePolicyResponse { RegistryId = CloudIdentity.Account, RepositoryName = repository.Name, LifecyclePolicyText = repository.LifecyclePolicyText };
    });

    public PutImageScanningConfigurationResponse PutImageScanningConfiguration(PutImageScanningConfigurationRequest request) => store.Mutate(state =>
    {
        var repository = Require(state, request.RepositoryName);
        repository.ScanOnPush = request.ImageScanningConfiguration?.ScanOnPush ?? false;
        return new PutImageScanningConfigurationResponse
        {
            RegistryId = CloudIdentity.Account,
            RepositoryName = repository.Name,
            ImageScanningConfiguration = new ImageScanningConfiguration { ScanOnPush = repository.ScanOnPush },
        };
    });

    public PutImageTagMutabilityResponse PutImageTagMutability(PutImageTagMutabilityRequest request)
    {
        var mutability = request.ImageTagMutability ?? "";
        ValidateMutability(mutability);
        return store.Mutate(state =>
        {
            var repository = Require(state, request.RepositoryName);
            repository.ImageTagMutability = mutability;
            repository.ImageTagMutabilityExclusionFilters = [.. (request.ImageTagMutabilityExclusionFilters ?? []).Select(ModelCopy.Of)];
            return new PutImageTagMutabilityResponse
            {
                RegistryId = CloudIdentity.Account,
                RepositoryName = repository.Name,
                ImageTagMutability = repository.ImageTagMutability,
                ImageTagMutabilityExclusionFilters = repository.ImageTagMutabilityExclusionFilters.Count > 0 ? [.. repository.ImageTagMutabilityExclusionFilters] : null,
            };
        });
    }

    public DeleteLifecyclePolicyResponse DeleteLifecyclePolicy(DeleteLifecyclePolicyRequest request) => store.Mutate(state =>
    {
        var repository = Require(state, request.RepositoryName);
        var text = repository.LifecyclePolicyText
            ?? throw new ApiError("LifecyclePolicyNotFoundException", $"Lifecycle policy does not exist for the repository with name '{repository.Name}' in the registry with id '{CloudIdentity.Account}'");
        repository.LifecyclePolicyText = null;
        return new DeleteLifecyclePolicyResponse { RegistryId = CloudIdentity.Account, RepositoryName = repository.Name, LifecyclePolicyText = text };
    });

    /// <summary>Previews need StartLifecyclePolicyPreview, which the local cloud does not run: there is never one.</summary>
    public GetLifecyclePolicyPreviewResponse GetLifecyclePolicyPreview(GetLifecyclePolicyPreviewRequest request) => store.Read<GetLifecyclePolicyPreviewResponse>(state =>
    {
        var repository = Require(state, request.RepositoryName);
        throw new ApiError("LifecyclePolicyPreviewNotFoundException", $"There is no dry run for this repository with name '{repository.Name}' in the registry with id '{CloudIdentity.Account}'");
    });

    public TagResourceResponse TagResource(TagResourceRequest request)
    {
        store.Mutate(state =>
        {
            var repository = RequireArn(state, request.ResourceArn);
            foreach (var tag in request.Tags ?? [])
            {
                repository.Tags.RemoveAll(t => t.Key == tag.Key);
                repository.Tags.Add(new Tag { Key = tag.Key, Value = tag.Value ?? "" });
            }
        });
        return new TagResourceResponse();
    }

    public UntagResourceResponse UntagResource(UntagResourceRequest request)
    {
        store.Mutate(state => RequireArn(state, request.ResourceArn).Tags.RemoveAll(t => request.TagKeys?.Contains(t.Key!) == true));
        return new UntagResourceResponse();
    }

    public ListTagsForResourceResponse ListTagsForResource(ListTagsForResourceRequest request)
        => store.Read(state => new ListTagsForResourceResponse { Tags = [.. RequireArn(state, request.ResourceArn).Tags.Select(ModelCopy.Of)] });

    private static RepositoryRecord RequireArn(CloudState state, string? arn)
        => state.Repositories.Values.FirstOrDefault(r => r.Arn == arn)
            ?? throw new ApiError("InvalidParameterException", $"Invalid parameter at 'resourceArn' failed to satisfy constraint: 'The repository {arn} does not exist'");

    public static RepositoryRecord Require(CloudState state, string? name)
        => state.Repositories.GetValueOrDefault(name ?? "")
            ?? throw new ApiError("RepositoryNotFoundException", $"The repository with name '{name}' does not exist in the registry with id '{CloudIdentity.Account}'");

    private static void ValidateMutability(string mutability)
    {
        if (mutability is not (ImageTagMutability.Mutable or ImageTagMutability.Immutable or ImageTagMutability.MutableWithExclusion or ImageTagMutability.ImmutableWithExclusion))
        {
            throw ApiError.InvalidParameter($"Invalid parameter at 'imageTagMutability' failed to satisfy constraint: 'Member must satisfy enum value set: [MUTABLE, IMMUTABLE, IMMUTABLE_WITH_EXCLUSION, MUTABLE_WITH_EXCLUSION]'");
        }
    }

    private Repository Project(RepositoryRecord repository) => new()
    {
        RepositoryArn = repository.Arn,
        RegistryId = CloudIdentity.Account,
        RepositoryName = repository.Name,
        RepositoryUri = identity.RepositoryUri(repository.Name),
        CreatedAt = repository.CreatedAt,
        ImageTagMutability = repository.ImageTagMutability,
        ImageTagMutabilityExclusionFilters = repository.ImageTagMutabilityExclusionFilters.Count > 0 ? [.. repository.ImageTagMutabilityExclusionFilters.Select(ModelCopy.Of)] : null,
        ImageScanningConfiguration = new ImageScanningConfiguration { ScanOnPush = repository.ScanOnPush },
        EncryptionConfiguration = ModelCopy.Of(repository.Encryption),
    };

    [GeneratedRegex("^(?:[a-z0-9]+(?:[._-][a-z0-9]+)*/)*[a-z0-9]+(?:[._-][a-z0-9]+)*$", RegexOptions.CultureInvariant)]
    private static partial Regex RepositoryName();
}
