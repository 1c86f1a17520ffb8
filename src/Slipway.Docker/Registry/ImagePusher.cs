using Docker.DotNet;
using Docker.DotNet.Models;
using Slipway.Output;

namespace Slipway.Docker;

/// <summary>
/// Pushes a local image to a registry under a tag through the engine, then reads the digest back from the
/// registry. When the registry already holds this exact image it uploads nothing and only points the tag at it.
/// </summary>
public sealed class ImagePusher(DockerEngine engine, TimeProvider timeProvider)
{
    /// <summary>How long a registry has to answer its version check before the push is given up.</summary>
    private static readonly TimeSpan ReachTimeout = TimeSpan.FromSeconds(10);

    /// <summary>
    /// Pushes the image of <paramref name="record"/> under each of its tags to <paramref name="registry"/>
    /// (<c>host[:port]</c>), then returns the record with the digest the registry reports. The first tag's push
    /// uploads the layers; the others only point their tag at the same manifest.
    /// </summary>
    public async Task<PushedImage> PushAllTagsAsync(ImageRecord record, string registry, RegistryCredentials? credentials, ILog log, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(record);
        ArgumentException.ThrowIfNullOrWhiteSpace(registry);
        if (record.Tags.Count == 0)
        {
            throw new ArgumentException($"the image record of {record.ImageId} has no tags to push", nameof(record));
        }

        // Local first, then the network: a vanished image is named before any registry is asked.
        await InspectAsync(record.ImageId, cancellationToken);
        using (var probe = RegistryClient.ForHost(registry, credentials))
        {
            if (await probe.ProblemReachingAsync(ReachTimeout, cancellationToken) is { } problem)
            {
                throw new DockerPushException(problem);
            }
        }

        var pushes = new List<PushResult>();
        foreach (var tag in record.Tags)
        {
            pushes.Add(await PushAsync(record.ImageId, $"{registry.TrimEnd('/')}/{tag}", credentials, log, cancellationToken));
        }

        if (pushes.Select(p => p.Digest).Distinct(StringComparer.Ordinal).Skip(1).Any())
        {
            throw new DockerPushException($"the tags of {record.ImageId} resolve to different digests in {registry}: {string.Join(", ", pushes.Select(p => $"{p.Reference} → {p.Digest}"))}");
        }

        return new PushedImage(record with { Digest = pushes[0].Digest }, pushes);
    }

    /// <summary>
    /// Pushes <paramref name="image"/> (an ID or local reference) as <paramref name="target"/>
    /// (<c>registry/repository:tag</c>). <paramref name="credentials"/> go to the engine and the registry
    /// only, never to the log.
    /// </summary>
    public async Task<PushResult> PushAsync(string image, string target, RegistryCredentials? credentials, ILog log, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(engine);
        ArgumentException.ThrowIfNullOrWhiteSpace(image);
        ArgumentNullException.ThrowIfNull(log);
        var reference = ImageReference.Parse(target);
        if (reference.Tag is null || reference.Digest is not null)
        {
            throw new ArgumentException($"push target '{target}' must be registry/repository:tag", nameof(target));
        }

        using var registry = RegistryClient.ForHost(reference.Registry, credentials);
        var local = await InspectAsync(image, cancellationToken);

        var known = await DigestAlreadyInRegistryAsync(local, reference, registry, cancellationToken);
        if (known is not null)
        {
            await PointTagAsync(registry, reference, known, log, cancellationToken);
            log.Information($"{reference}: already in registry, nothing uploaded ({known})");
            return new PushResult(reference, known, Uploaded: false, UploadedBytes: 0, PushedLayers: 0);
        }

        await engine.Client.Images.TagImageAsync(local.ID, new ImageTagParameters { RepositoryName = reference.Name, Tag = reference.Tag, Force = true }, cancellationToken);
        log.Information($"Pushing {reference}");
        var started = timeProvider.GetTimestamp();
        PushProgress progress;
        await using (var heartbeat = new QuietHeartbeat(log, timeProvider, $"push of {reference}"))
        {
            // The engine says nothing while it prepares a large layer or waits on a slow registry.
            progress = new PushProgress(heartbeat, timeProvider);
            try
            {
                await engine.Client.Images.PushImageAsync(reference.Name, new ImagePushParameters { Tag = reference.Tag }, AuthConfigFor(reference, credentials), progress, cancellationToken);
            }
            catch (DockerApiException exception)
            {
                throw new DockerPushException($"pushing {reference} failed: {ImageBuilder.ApiError(exception)}", exception);
            }
        }

        if (progress.Error is not null)
        {
            throw new DockerPushException($"pushing {reference} failed: {progress.Error}");
        }

        // The registry's word is the one that counts: it is what ECS will resolve the tag to.
        var descriptor = await registry.HeadManifestAsync(reference.Repository, reference.Tag, cancellationToken)
            ?? throw new DockerPushException($"the push of {reference} finished but the registry does not know the tag");
        if (progress.Digest is not null && progress.Digest != descriptor.Digest)
        {
            log.Warning($"the engine reported {progress.Digest} but the registry has {descriptor.Digest} for {reference}; using the registry's");
        }

        log.Information($"Pushed {reference} as {descriptor.Digest}: {progress.PushedLayers} layers uploaded ({BuildContext.FormatSize(progress.UploadedBytes)}), {progress.ExistingLayers} already there, in {timeProvider.GetElapsedTime(started).TotalSeconds:0.0} s");
        return new PushResult(reference, descriptor.Digest, Uploaded: true, progress.UploadedBytes, progress.PushedLayers);
    }

    /// <summary>
    /// The digest under which the registry already holds this image, known from the image's RepoDigests (set by
    /// an earlier push or pull of exactly this image) and confirmed by a HEAD on the registry; else null.
    /// </summary>
    private static async Task<string?> DigestAlreadyInRegistryAsync(ImageInspectResponse local, ImageReference reference, RegistryClient registry, CancellationToken cancellationToken)
    {
        foreach (var repoDigest in local.RepoDigests ?? [])
        {
            var known = ImageReference.Parse(repoDigest);
            if (known.Name == reference.Name && known.Digest is not null
                && await registry.HeadManifestAsync(reference.Repository, known.Digest, cancellationToken) is not null)
            {
                return known.Digest;
            }
        }

        return null;
    }

    /// <summary>Makes the tag name the digest with a manifest PUT: a retag without pull or upload.</summary>
    private static async Task PointTagAsync(RegistryClient registry, ImageReference reference, string digest, ILog log, CancellationToken cancellationToken)
    {
        var current = await registry.HeadManifestAsync(reference.Repository, reference.Tag!, cancellationToken);
        if (current?.Digest == digest)
        {
            return;
        }

        var manifest = await registry.GetManifestAsync(reference.Repository, digest, cancellationToken)
            ?? throw new DockerPushException($"{reference.Name}@{digest} vanished from the registry");
        await registry.PutManifestAsync(reference.Repository, reference.Tag!, manifest, cancellationToken);
        log.Information($"{reference}: tag now points at {digest}{(current is null ? "" : $" (was {current.Digest})")}");
    }

    private async Task<ImageInspectResponse> InspectAsync(string image, CancellationToken cancellationToken)
    {
        try
        {
            return await engine.Client.Images.InspectImageAsync(image, cancellationToken);
        }
        catch (DockerImageNotFoundException exception)
        {
            throw new DockerPushException($"the image {image} is not in the Docker engine (removed or pruned since it was built): build it again (DockerBuild)", exception);
        }
    }

    private static AuthConfig AuthConfigFor(ImageReference reference, RegistryCredentials? credentials) =>
        credentials is null
            ? new AuthConfig { ServerAddress = reference.Registry }
            : new AuthConfig { ServerAddress = reference.Registry, Username = credentials.Username, Password = credentials.Password };
}
