using Slipway.Aws.Ecr;
using Slipway.Aws.Ecr.Model;

namespace Slipway.Aws.Deployment;

/// <summary>What the repository holds: the read side of a push and the check before a deploy.</summary>
public sealed class EcrImages(IAmazonECR ecr)
{
    /// <summary>The digest the tag points at, or null when the repository has no such tag.</summary>
    public async Task<string?> DigestOfTagAsync(string repository, string tag, CancellationToken cancellationToken) =>
        (await DescribeAsync(repository, new ImageIdentifier { ImageTag = tag }, cancellationToken))?.ImageDigest;

    /// <summary>The image with this digest, or null.</summary>
    public Task<ImageDetail?> FindAsync(string repository, string digest, CancellationToken cancellationToken) =>
        DescribeAsync(repository, new ImageIdentifier { ImageDigest = digest }, cancellationToken);

    /// <summary>Refuses to deploy an image the repository does not hold: ECS could never pull it.</summary>
    public async Task<ImageDetail> RequireAsync(string repository, string digest, CancellationToken cancellationToken) =>
        await FindAsync(repository, digest, cancellationToken)
        ?? throw new DeployConfigurationException(
            $"The image {digest} is not in the ECR repository '{repository}'. Nothing was changed. Run the EcrPush target first (./build.sh EcrPush --environment <name>), or deploy a digest the repository holds.");

    private async Task<ImageDetail?> DescribeAsync(string repository, ImageIdentifier id, CancellationToken cancellationToken)
    {
        try
        {
            var found = await ecr.DescribeImagesAsync(new DescribeImagesRequest { RepositoryName = repository, ImageIds = [id] }, cancellationToken);
            return found.ImageDetails?.FirstOrDefault();
        }
        catch (ImageNotFoundException)
        {
            return null;
        }
        catch (RepositoryNotFoundException e)
        {
            throw new DeployConfigurationException($"The ECR repository '{repository}' does not exist. Nothing was changed. Run the EnvironmentUp or EcrPush target first.", e);
        }
    }
}
