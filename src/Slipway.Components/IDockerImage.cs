using Slipway.Docker;
using BaseImageResolver = Slipway.Docker.BaseImage;

namespace Slipway.Components;

/// <summary>
/// <c>DockerBuild</c>: the image from the publish output and <see cref="Dockerfile"/>, tagged with the version
/// and the commit, with OCI labels; its record (id, tags, version, base image) goes to <see cref="ImageRecordFile"/>.
/// </summary>
public interface IDockerImage : IPublish
{
    [Parameter("Repository name of the service image (tags: version and commit)"), RepositoryName]
    string ImageRepository => TryGetValue(() => ImageRepository) ?? DefaultImageRepository;

    /// <summary>The repository when <c>--image-repository</c> is not given: the project's name in lower case.</summary>
    string DefaultImageRepository => PublishProject.NameWithoutExtension.ToLowerInvariant();

    [Parameter("Base image of the service image; default: the official ASP.NET image, or a local one when that cannot be pulled"), ImageReference]
    string? BaseImage => TryGetValue(() => BaseImage);

    /// <summary>By default the Dockerfile next to the published project.</summary>
    AbsolutePath Dockerfile => PublishProject.Parent! / "Dockerfile";

    AbsolutePath ImageRecordFile => ArtifactsDirectory / "image.json";

    Target DockerBuild => _ => _
        .Description("Build the service image from the publish output; image id and tags in artifacts/image.json")
        .DependsOn<IPublish>(x => x.Publish)
        .Executes(async ct =>
        {
            using var engine = await ConnectToDockerAsync(ct);
            var version = await GetVersionAsync(ct);
            var untraceable = UntraceableImage.Warning(version, ImageRepository);
            if (untraceable is not null)
            {
                Log.Warning(untraceable);
            }

            // When the official image cannot be pulled, the local one needs debootstrap: this target asks for it.
            var baseImage = await new BaseImageResolver(engine, TimeProvider) { InstallMissingPackages = true }.ResolveAsync(BaseImage, Log, ct);
            var built = await new ImageBuilder(engine).BuildAsync(new ImageBuildRequest
            {
                ContextDirectory = PublishDirectory,
                Dockerfile = Dockerfile,
                Tags = ImageTags.For(ImageRepository, version.DockerTag, version.ShortCommit),
                BaseImage = baseImage,
                // The commit time, not now: a label is a build step, and "now" would defeat the layer cache.
                Labels = OciLabels.Create(version.SemVer, version.Commit, version.CommitTime ?? DateTimeOffset.UnixEpoch, version.SourceUrl?.ToString(), PublishProject.NameWithoutExtension),
            }, Log, ct);
            await new ImageRecord(ImageRepository, built.Id, built.Tags, version.SemVer, version.Commit, Digest: null, baseImage)
                .WriteAsync(ImageRecordFile, ct);
            ReportSummary($"{built.Tags[0]} ({built.CacheSummary}){(untraceable is null ? string.Empty : ", outside git: commit unknown")}");
            Log.Information(NextSteps.AfterDockerBuild(built.Tags[0]));
        });

    /// <summary>The engine <c>DOCKER_HOST</c> names (or the default socket), once it answers.</summary>
    async Task<DockerEngine> ConnectToDockerAsync(CancellationToken cancellationToken)
    {
        var engine = DockerEngine.FromEnvironment();
        try
        {
            await engine.EnsureAnsweringAsync(Log, cancellationToken);
            return engine;
        }
        catch
        {
            engine.Dispose();
            throw;
        }
    }
}
