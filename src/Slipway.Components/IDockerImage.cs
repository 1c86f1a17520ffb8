using Slipway.Docker;
using BaseImageResolver = Slipway.Docker.BaseImage;

namespace Slipway.Components;

/// <summary>
/// <c>DockerBuild</c>: the image from the publish output and <see cref="Dockerfile"/>, tagged with the version
/// and the commit, with OCI labels; its record (id, tags, version, base image) goes to <see cref="ImageRecordFile"/>.
/// Up to date while the publish output, the Dockerfile, the tags and labels, the engine and the base image (by id)
/// are unchanged and the image is still in the engine with its tags.
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
        .Inputs(i => i
            .Directory(PublishDirectory)
            .Files(Dockerfile)
            .Value("repository", ImageRepository)
            .Value("--base-image", BaseImage)
            .Value("DOCKER_HOST", System.Environment.GetEnvironmentVariable("DOCKER_HOST"))
            .Value("version and labels", async ct =>
            {
                var version = await GetVersionAsync(ct);
                return string.Join('\n', version.SemVer, version.Commit, version.CommitTime?.ToString("O", System.Globalization.CultureInfo.InvariantCulture), version.SourceUrl);
            })
            .Value("base image", BaseImageIdentityAsync))
        .Outputs(o => o.Exists($"the image {ImageRecordFile.RelativeTo(RootDirectory)} names is in the Docker engine with its tags", ImageIsInEngineAsync))
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
                // One commit, one image id and digest on every machine and engine (outside git: the engine's dates).
                SourceDate = version.CommitTime,
            }, Log, ct);
            await new ImageRecord(ImageRepository, built.Id, built.Tags, version.SemVer, version.Commit, Digest: null, baseImage)
                .WriteAsync(ImageRecordFile, ct);
            ReportSummary($"{built.Tags[0]} ({built.CacheSummary}){(untraceable is null ? string.Empty : ", outside git: commit unknown")}");
            Log.Information(NextSteps.AfterDockerBuild(built.Tags[0]));
        });

    /// <summary>
    /// The base images the build can choose from, by id: the one <c>--base-image</c> names; else the official one
    /// (when present) and the local stand-ins built from Debian. A re-pulled or rebuilt base, or the official one
    /// arriving, changes it. No pull is attempted (the build's job): a base only a pull would bring is not seen here.
    /// </summary>
    private async Task<string?> BaseImageIdentityAsync(CancellationToken cancellationToken)
    {
        using var engine = DockerEngine.FromEnvironment();
        if (BaseImage is { Length: > 0 } explicitImage)
        {
            return $"{explicitImage}@{await ImageIdOrNullAsync(engine, explicitImage, cancellationToken)}";
        }

        var official = await ImageIdOrNullAsync(engine, BaseImageResolver.Official, cancellationToken);
        var local = await engine.Client.Images.ListImagesAsync(
            new global::Docker.DotNet.Models.ImagesListParameters
            {
                Filters = new Dictionary<string, IDictionary<string, bool>> { ["reference"] = new Dictionary<string, bool> { [LocalBaseImages] = true } },
            },
            cancellationToken);
        return $"official@{official}, local: {string.Join(", ", local.SelectMany(i => (i.RepoTags ?? []).Select(t => $"{t}@{i.ID}")).Order(StringComparer.Ordinal))}";
    }

    /// <summary>The repository of the local stand-in base images (Slipway.Docker's LocalBaseImageRecipe.Repository).</summary>
    private static string LocalBaseImages => "slipway/dotnet-aspnet-base";

    private async Task<bool> ImageIsInEngineAsync(CancellationToken cancellationToken)
    {
        if (!ImageRecordFile.FileExists)
        {
            return false;
        }

        var record = await ImageRecord.ReadAsync(ImageRecordFile, cancellationToken);
        using var engine = DockerEngine.FromEnvironment();
        try
        {
            var image = await engine.Client.Images.InspectImageAsync(record.ImageId, cancellationToken);
            return record.Tags.All(tag => image.RepoTags?.Contains(tag, StringComparer.Ordinal) == true);
        }
        catch (global::Docker.DotNet.DockerImageNotFoundException)
        {
            return false;
        }
    }

    private static async Task<string?> ImageIdOrNullAsync(DockerEngine engine, string image, CancellationToken cancellationToken)
    {
        try
        {
            return (await engine.Client.Images.InspectImageAsync(image, cancellationToken)).ID;
        }
        catch (global::Docker.DotNet.DockerImageNotFoundException)
        {
            return null;
        }
    }

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
