using System.Text;
using Slipway.Aws.Deployment;
using Slipway.Aws.Ecr;
using Slipway.Docker;

namespace Slipway.Components;

/// <summary>
/// With <c>endpoints.registry</c> (an emulator whose repository URI is not a real registry, such as moto) an image's
/// layers and manifest are in that registry, which the ECR API does not see: it learns of the image by PutImage of
/// the same manifest bytes under each tag, so both hold the same digest. EcrPush and Promote end this way.
/// </summary>
internal sealed class EcrManifestRegistration(IAmazonECR ecr, ILog log)
{
    public async Task RegisterAsync(RegistryClient registry, string repository, string digest, IReadOnlyList<string> tags, CancellationToken cancellationToken)
    {
        var manifest = await registry.GetManifestAsync(repository, digest, cancellationToken)
            ?? throw new InvalidOperationException($"{registry.BaseAddress.Authority}/{repository}@{digest} was put there but the registry does not return its manifest");
        var images = new EcrImages(ecr);
        foreach (var tag in tags)
        {
            if (await images.DigestOfTagAsync(repository, tag, cancellationToken) == digest)
            {
                continue;
            }

            log.Information($"ECR PutImage {repository}:{tag}: the layers are in {registry.BaseAddress.Authority} (endpoints.registry)");
            await ecr.PutImageAsync(new Aws.Ecr.Model.PutImageRequest
            {
                RepositoryName = repository,
                ImageManifest = Encoding.UTF8.GetString(manifest.Content.Span),
                ImageManifestMediaType = manifest.MediaType,
                ImageDigest = digest,
                ImageTag = tag,
            }, cancellationToken);
        }
    }
}
