using System.Net;
using System.Text;
using System.Text.RegularExpressions;
using Slipway.Aws.Ecr.Model;
using Slipway.Docker;
using Slipway.LocalCloud.Ecs;
using Slipway.LocalCloud.Protocol;
using Slipway.LocalCloud.State;

namespace Slipway.LocalCloud.Ecr;

/// <summary>
/// DescribeImages, BatchGetImage, PutImage, BatchDeleteImage on the registry itself: digests and manifests are the
/// registry's; only the first time a digest was seen is kept here (the registry has no push time).
/// </summary>
internal sealed partial class ImageOperations(StateStore store, RegistryAccess registry, TimeProvider time)
{
    public async Task<DescribeImagesResponse> DescribeImagesAsync(DescribeImagesRequest request, CancellationToken ct)
    {
        var repository = store.Read(state => RepositoryOperations.Require(state, request.RepositoryName)).Name;
        var images = await ListImagesAsync(repository, ct);
        IEnumerable<RegistryImage> selected = images;
        if (request.ImageIds is { Count: > 0 } ids)
        {
            var chosen = new List<RegistryImage>();
            foreach (var id in ids)
            {
                var image = images.FirstOrDefault(i => Matches(i, id)) ?? throw ImageNotFound(id, repository);
                if (!chosen.Contains(image))
                {
                    chosen.Add(image);
                }
            }

            selected = chosen;
        }

        selected = (request.Filter?.TagStatus ?? TagStatus.Any) switch
        {
            TagStatus.Tagged => selected.Where(i => i.Tags.Count > 0),
            TagStatus.Untagged => selected.Where(i => i.Tags.Count == 0),
            _ => selected,
        };

        var pushedAt = RecordFirstSeen(repository, images.Select(i => i.Digest));
        var details = new List<ImageDetail>();
        foreach (var image in selected)
        {
            details.Add(new ImageDetail
            {
                RegistryId = CloudIdentity.Account,
                RepositoryName = repository,
                ImageDigest = image.Digest,
                ImageTags = image.Tags.Count > 0 ? [.. image.Tags] : null,
                ImageSizeInBytes = await SizeAsync(repository, image.Manifest, ct),
                ImagePushedAt = pushedAt[image.Digest],
                ImageManifestMediaType = image.Manifest.MediaType,
                ArtifactMediaType = ManifestFacts.IsIndex(image.Manifest.MediaType) ? null : ManifestFacts.ConfigMediaType(image.Manifest.Content),
                ImageStatus = "ACTIVE",
            });
        }

        var page = Paging.Take(details, request.NextToken, request.MaxResults, 1000);
        return new DescribeImagesResponse { ImageDetails = page.Items, NextToken = page.NextToken };
    }

    public async Task<ListImagesResponse> ListImagesAsync(ListImagesRequest request, CancellationToken ct)
    {
        var repository = store.Read(state => RepositoryOperations.Require(state, request.RepositoryName)).Name;
        var status = request.Filter?.TagStatus ?? TagStatus.Any;
        var ids = new List<ImageIdentifier>();
        foreach (var image in await ListImagesAsync(repository, ct))
        {
            if (image.Tags.Count == 0 && status != TagStatus.Tagged)
            {
                ids.Add(new ImageIdentifier { ImageDigest = image.Digest });
            }
            else if (status != TagStatus.Untagged)
            {
                ids.AddRange(image.Tags.Select(t => new ImageIdentifier { ImageDigest = image.Digest, ImageTag = t }));
            }
        }

        var page = Paging.Take(ids, request.NextToken, request.MaxResults, 1000);
        return new ListImagesResponse { ImageIds = page.Items, NextToken = page.NextToken };
    }

    /// <summary>Empty repositories go at once; with images only when forced, and then the images go from the registry too.</summary>
    public async Task<DeleteRepositoryResponse> DeleteRepositoryAsync(DeleteRepositoryRequest request, CancellationToken ct)
    {
        var repository = store.Read(state => RepositoryOperations.Require(state, request.RepositoryName)).Name;
        var images = await ListImagesAsync(repository, ct);
        if (images.Count > 0 && request.Force != true)
        {
            throw new ApiError(
                "RepositoryNotEmptyException",
                $"The repository with name '{repository}' in registry with id '{CloudIdentity.Account}' cannot be deleted because it still contains images");
        }

        foreach (var image in images)
        {
            await registry.DeleteManifestAsync(repository, image.Digest, ct);
        }

        return store.Mutate(state =>
        {
            var record = RepositoryOperations.Require(state, repository);
            state.Repositories.Remove(repository);
            return new DeleteRepositoryResponse
            {
                Repository = new Repository
                {
                    RepositoryArn = record.Arn,
                    RegistryId = CloudIdentity.Account,
                    RepositoryName = record.Name,
                    RepositoryUri = $"{registry.Client.BaseAddress.Authority}/{record.Name}",
                    CreatedAt = record.CreatedAt,
                    ImageTagMutability = record.ImageTagMutability,
                },
            };
        });
    }

    public async Task<BatchGetImageResponse> BatchGetImageAsync(BatchGetImageRequest request, CancellationToken ct)
    {
        var repository = store.Read(state => RepositoryOperations.Require(state, request.RepositoryName)).Name;
        var ids = request.ImageIds ?? [];
        if (ids.Count is 0 or > 100)
        {
            throw ApiError.InvalidParameter("Invalid parameter at 'imageIds' failed to satisfy constraint: 'Member must have length between 1 and 100'");
        }

        var response = new BatchGetImageResponse { Images = [], Failures = [] };
        foreach (var id in ids)
        {
            if (id.ImageDigest is null && id.ImageTag is null)
            {
                response.Failures.Add(Failure(id, ImageFailureCode.MissingDigestAndTag, "Invalid request parameters: both tag and digest cannot be null"));
                continue;
            }

            var manifest = await registry.Client.GetManifestAsync(repository, id.ImageTag ?? id.ImageDigest!, ct);
            if (manifest is null)
            {
                response.Failures.Add(Failure(id, ImageFailureCode.ImageNotFound, "Requested image not found"));
                continue;
            }

            if (id.ImageDigest is not null && id.ImageDigest != manifest.Digest)
            {
                response.Failures.Add(Failure(id, ImageFailureCode.ImageTagDoesNotMatchDigest, "Invalid request parameters: image tag digest mismatch"));
                continue;
            }

            response.Images.Add(new Image
            {
                RegistryId = CloudIdentity.Account,
                RepositoryName = repository,
                ImageId = new ImageIdentifier { ImageDigest = manifest.Digest, ImageTag = id.ImageTag },
                ImageManifest = Encoding.UTF8.GetString(manifest.Content.Span),
                ImageManifestMediaType = manifest.MediaType,
            });
        }

        return response;
    }

    public async Task<PutImageResponse> PutImageAsync(PutImageRequest request, CancellationToken ct)
    {
        var settings = store.Read(state =>
        {
            var r = RepositoryOperations.Require(state, request.RepositoryName);
            return (r.Name, r.ImageTagMutability, Exclusions: r.ImageTagMutabilityExclusionFilters.Select(f => f.Filter ?? "").ToList());
        });
        if (string.IsNullOrEmpty(request.ImageManifest))
        {
            throw ApiError.InvalidParameter("Invalid parameter at 'imageManifest' failed to satisfy constraint: 'Member must have length greater than or equal to 1'");
        }

        var tag = request.ImageTag;
        if (tag is not null && !TagShape().IsMatch(tag))
        {
            throw ApiError.InvalidParameter($"Invalid parameter at 'imageTag' failed to satisfy constraint: 'The image tag '{tag}' must start with a letter, digit or underscore and contain at most 128 letters, digits, underscores, periods and hyphens'");
        }

        var bytes = Encoding.UTF8.GetBytes(request.ImageManifest);
        var digest = RegistryManifest.DigestOf(bytes);
        if (request.ImageDigest is not null && request.ImageDigest != digest)
        {
            throw new ApiError("ImageDigestDoesNotMatchException", $"Provided digest '{request.ImageDigest}' does not match the digest '{digest}' of the image manifest");
        }

        var mediaType = request.ImageManifestMediaType ?? ManifestFacts.DeclaredMediaType(bytes)
            ?? throw ApiError.InvalidParameter("Invalid parameter at 'imageManifestMediaType': the manifest declares no mediaType, so the request must name it");
        var existing = await registry.Client.HeadManifestAsync(settings.Name, tag ?? digest, ct);
        if (existing is not null && existing.Digest == digest)
        {
            throw new ApiError(
                "ImageAlreadyExistsException",
                $"Image with digest '{digest}' and tag '{tag ?? "null"}' already exists in the repository with name '{settings.Name}' in registry with id '{CloudIdentity.Account}'");
        }

        if (existing is not null && tag is not null && IsImmutable(settings.ImageTagMutability, settings.Exclusions, tag))
        {
            throw new ApiError(
                "ImageTagAlreadyExistsException",
                $"The image tag '{tag}' already exists in the '{settings.Name}' repository and cannot be overwritten because the repository is immutable.");
        }

        try
        {
            await registry.Client.PutManifestAsync(settings.Name, tag ?? digest, new RegistryManifest(mediaType, digest, bytes), ct);
        }
        catch (RegistryException e) when (e.StatusCode == HttpStatusCode.BadRequest)
        {
            throw e.Message.Contains("BLOB_UNKNOWN", StringComparison.Ordinal)
                ? new ApiError("LayersNotFoundException", $"Layers required for pushing image into repository with name '{settings.Name}' in registry with id '{CloudIdentity.Account}' do not exist: push the layers first ({e.Message})")
                : ApiError.InvalidParameter($"Invalid parameter at 'ImageManifest' failed to satisfy constraint: 'Invalid JSON syntax' ({e.Message})");
        }

        RecordFirstSeen(settings.Name, [digest]);
        return new PutImageResponse
        {
            Image = new Image
            {
                RegistryId = CloudIdentity.Account,
                RepositoryName = settings.Name,
                ImageId = new ImageIdentifier { ImageDigest = digest, ImageTag = tag },
                ImageManifest = request.ImageManifest,
                ImageManifestMediaType = mediaType,
            },
        };
    }

    public async Task<BatchDeleteImageResponse> BatchDeleteImageAsync(BatchDeleteImageRequest request, CancellationToken ct)
    {
        var repository = store.Read(state => RepositoryOperations.Require(state, request.RepositoryName)).Name;
        var response = new BatchDeleteImageResponse { ImageIds = [], Failures = [] };
        foreach (var id in request.ImageIds ?? [])
        {
            if (id.ImageDigest is null && id.ImageTag is null)
            {
                response.Failures.Add(Failure(id, ImageFailureCode.MissingDigestAndTag, "Invalid request parameters: both tag and digest cannot be null"));
                continue;
            }

            var manifest = await registry.Client.GetManifestAsync(repository, id.ImageTag ?? id.ImageDigest!, ct);
            if (manifest is null || (id.ImageDigest is not null && id.ImageDigest != manifest.Digest))
            {
                response.Failures.Add(Failure(id, ImageFailureCode.ImageNotFound, "Requested image not found"));
                continue;
            }

            var images = await ListImagesAsync(repository, ct);
            var tags = images.FirstOrDefault(i => i.Digest == manifest.Digest)?.Tags ?? [];
            await registry.DeleteManifestAsync(repository, manifest.Digest, ct);
            if (id.ImageDigest is null)
            {
                // Deleting by tag removes that tag only: the image keeps its other tags, as in ECR.
                foreach (var other in tags.Where(t => t != id.ImageTag))
                {
                    await registry.Client.PutManifestAsync(repository, other, manifest, ct);
                }

                if (tags.Count > 1)
                {
                    response.ImageIds.Add(new ImageIdentifier { ImageDigest = manifest.Digest, ImageTag = id.ImageTag });
                    continue;
                }
            }

            store.Mutate(state => state.Repositories.GetValueOrDefault(repository)?.ImagePushedAt.Remove(manifest.Digest));
            if (id.ImageTag is not null)
            {
                response.ImageIds.Add(new ImageIdentifier { ImageDigest = manifest.Digest, ImageTag = id.ImageTag });
            }
            else
            {
                List<ImageIdentifier> deleted = tags.Count == 0
                    ? [new ImageIdentifier { ImageDigest = manifest.Digest }]
                    : [.. tags.Select(t => new ImageIdentifier { ImageDigest = manifest.Digest, ImageTag = t })];
                foreach (var identifier in deleted)
                {
                    response.ImageIds.Add(identifier);
                }
            }
        }

        return response;
    }

    private static bool Matches(RegistryImage image, ImageIdentifier id)
        => (id.ImageDigest is null || id.ImageDigest == image.Digest) && (id.ImageTag is null || image.Tags.Contains(id.ImageTag)) && (id.ImageDigest ?? id.ImageTag) is not null;

    private static ApiError ImageNotFound(ImageIdentifier id, string repository)
        => new(
            "ImageNotFoundException",
            $"The image with imageId {{imageDigest:'{id.ImageDigest ?? "null"}', imageTag:'{id.ImageTag ?? "null"}'}} does not exist within the repository with name '{repository}' in the registry with id '{CloudIdentity.Account}'");

    private static ImageFailure Failure(ImageIdentifier id, string code, string reason)
        => new() { ImageId = new ImageIdentifier { ImageDigest = id.ImageDigest, ImageTag = id.ImageTag }, FailureCode = code, FailureReason = reason };

    private static bool IsImmutable(string mutability, List<string> exclusions, string tag)
    {
        var excluded = exclusions.Any(filter => Regex.IsMatch(tag, "^" + Regex.Escape(filter).Replace("\\*", ".*", StringComparison.Ordinal) + "$", RegexOptions.CultureInvariant));
        return mutability switch
        {
            ImageTagMutability.Immutable => true,
            ImageTagMutability.ImmutableWithExclusion => !excluded,
            ImageTagMutability.MutableWithExclusion => excluded,
            _ => false,
        };
    }

    /// <summary>Every image of the repository: tagged ones from the tag list, untagged ones that PutImage left by digest.</summary>
    private async Task<List<RegistryImage>> ListImagesAsync(string repository, CancellationToken ct)
    {
        var images = new Dictionary<string, RegistryImage>(StringComparer.Ordinal);
        foreach (var tag in await registry.ListTagsAsync(repository, ct))
        {
            var manifest = await registry.Client.GetManifestAsync(repository, tag, ct);
            if (manifest is null)
            {
                continue;
            }

            if (!images.TryGetValue(manifest.Digest, out var image))
            {
                image = new RegistryImage(manifest.Digest, manifest, []);
                images[manifest.Digest] = image;
            }

            image.Tags.Add(tag);
        }

        var known = store.Read(state => state.Repositories.GetValueOrDefault(repository)?.ImagePushedAt.Keys.ToList() ?? []);
        foreach (var digest in known.Where(d => !images.ContainsKey(d)))
        {
            if (await registry.Client.GetManifestAsync(repository, digest, ct) is { } manifest)
            {
                images[digest] = new RegistryImage(digest, manifest, []);
            }
        }

        return [.. images.Values];
    }

    private Dictionary<string, DateTime> RecordFirstSeen(string repository, IEnumerable<string> digests)
    {
        var now = time.GetUtcNow().UtcDateTime;
        return store.Mutate(state =>
        {
            var record = state.Repositories[repository];
            foreach (var digest in digests)
            {
                record.ImagePushedAt.TryAdd(digest, now);
            }

            return new Dictionary<string, DateTime>(record.ImagePushedAt, StringComparer.Ordinal);
        });
    }

    /// <summary>Compressed size as ECR reports it: the layers of an image; for an index, its largest member.</summary>
    private async Task<long> SizeAsync(string repository, RegistryManifest manifest, CancellationToken ct)
    {
        if (!ManifestFacts.IsIndex(manifest.MediaType))
        {
            return ManifestFacts.LayerBytes(manifest.Content);
        }

        long largest = 0;
        foreach (var member in ManifestFacts.Members(manifest.Content))
        {
            if (await registry.Client.GetManifestAsync(repository, member, ct) is { } image)
            {
                largest = Math.Max(largest, ManifestFacts.LayerBytes(image.Content));
            }
        }

        return largest;
    }

    [GeneratedRegex("^[A-Za-z0-9_][A-Za-z0-9_.-]{0,127}$", RegexOptions.CultureInvariant)]
    private static partial Regex TagShape();

    private sealed record RegistryImage(string Digest, RegistryManifest Manifest, List<string> Tags);
}
