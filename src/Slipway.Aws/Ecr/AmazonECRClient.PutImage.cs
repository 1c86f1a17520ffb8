using System.Security.Cryptography;
using System.Text;
using Slipway.Aws.Ecr.Model;
using Slipway.Aws.Transport;

namespace Slipway.Aws.Ecr;

public sealed partial class AmazonECRClient
{
    /// <inheritdoc/>
    /// <remarks>
    /// A retry of a PutImage whose first attempt went through (its answer was lost) finds the image already there:
    /// when ECR then says <c>ImageAlreadyExistsException</c> and the tag points at the digest of this manifest, the call
    /// has succeeded, and the image is returned as PutImage would have returned it. On the first attempt the exception
    /// is the caller's, as ever.
    /// </remarks>
    public async Task<PutImageResponse> PutImageAsync(PutImageRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        var attempts = new CallAttempts();
        try
        {
            return await transport.SendAsync<PutImageRequest, PutImageResponse>(PutImageOperation, request, attempts, cancellationToken);
        }
        catch (ImageAlreadyExistsException) when (attempts.Count > 1 && request.ImageTag is not null && request.ImageManifest is not null)
        {
            var existing = await AlreadyPutAsync(request, cancellationToken);
            if (existing is null)
            {
                throw;
            }

            return new PutImageResponse { Image = existing };
        }
    }

    private async Task<Image?> AlreadyPutAsync(PutImageRequest request, CancellationToken cancellationToken)
    {
        var digest = request.ImageDigest ?? "sha256:" + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(request.ImageManifest!)));
        var found = await BatchGetImageAsync(
            new BatchGetImageRequest
            {
                RegistryId = request.RegistryId,
                RepositoryName = request.RepositoryName,
                ImageIds = [new ImageIdentifier { ImageTag = request.ImageTag }],
                AcceptedMediaTypes = request.ImageManifestMediaType is null ? null : [request.ImageManifestMediaType],
            },
            cancellationToken);
        return found.Images?.FirstOrDefault(i => string.Equals(i.ImageId?.ImageDigest, digest, StringComparison.Ordinal));
    }
}
