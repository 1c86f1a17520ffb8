using Slipway.Aws.Ecr;
using Slipway.Aws.Ecr.Model;

namespace Slipway.Aws.Promotion;

/// <summary>
/// A promotion within one repository: the image is already there by digest, so nothing moves; the manifest is read
/// with BatchGetImage and put again with PutImage under the version tag when that tag is missing. Bytes never leave
/// the registry and the digest cannot change (the same manifest bytes).
/// </summary>
public sealed class EcrImageTagger(IAmazonECR ecr)
{
    /// <returns>What was done, for the log: tagged, or already tagged.</returns>
    public async Task<string> TagAsync(string repository, string digest, string tag, CancellationToken cancellationToken)
    {
        var byDigest = await GetAsync(repository, new ImageIdentifier { ImageDigest = digest }, cancellationToken)
            ?? throw new PromotionRefusedException($"The image {digest} is not in the ECR repository '{repository}' any more (a lifecycle policy may have expired it). Nothing was changed.");
        var byTag = await GetAsync(repository, new ImageIdentifier { ImageTag = tag }, cancellationToken);
        if (byTag is not null)
        {
            return byTag.ImageId?.ImageDigest == digest
                ? $"{repository}:{tag} is already {digest}"
                : throw new PromotionRefusedException($"The tag {repository}:{tag} already names another image ({byTag.ImageId?.ImageDigest}), not {digest}; the repository's tags are immutable. Nothing was changed.");
        }

        var put = await ecr.PutImageAsync(new PutImageRequest
        {
            RepositoryName = repository,
            ImageManifest = byDigest.ImageManifest,
            ImageManifestMediaType = byDigest.ImageManifestMediaType,
            ImageDigest = digest,
            ImageTag = tag,
        }, cancellationToken);
        var putDigest = put.Image?.ImageId?.ImageDigest;
        return putDigest == digest
            ? $"{repository}:{tag} → {digest} (BatchGetImage + PutImage)"
            : throw new InvalidOperationException($"PutImage of {repository}:{tag} answered digest {putDigest}, not {digest}: the manifest changed on the way");
    }

    private async Task<Image?> GetAsync(string repository, ImageIdentifier id, CancellationToken cancellationToken)
    {
        var found = await ecr.BatchGetImageAsync(new BatchGetImageRequest
        {
            RepositoryName = repository,
            ImageIds = [id],
            AcceptedMediaTypes = ["application/vnd.docker.distribution.manifest.v2+json", "application/vnd.oci.image.manifest.v1+json", "application/vnd.docker.distribution.manifest.list.v2+json", "application/vnd.oci.image.index.v1+json"],
        }, cancellationToken);
        return found.Images?.FirstOrDefault();
    }
}
