using Slipway.Docker;

/// <summary>The image: build it from the publish output, push it, and keep its record for later targets.</summary>
sealed partial class Build
{
    AbsolutePath ImageRecordFile => RootDirectory / ImageRecord.DefaultPath;

    async Task<DockerEngine> ConnectToEngineAsync(CancellationToken cancellationToken)
    {
        var engine = DockerEngine.FromEnvironment();
        await engine.EnsureAnsweringAsync(Log, cancellationToken);
        return engine;
    }

    async Task BuildImageAsync(CancellationToken cancellationToken)
    {
        using var engine = await ConnectToEngineAsync(cancellationToken);
        var buildVersion = await GetVersionAsync(cancellationToken);
        var baseImage = await new BaseImage(engine, TimeProvider.System).ResolveAsync(BaseImage, Log, cancellationToken);
        var built = await new ImageBuilder(engine).BuildAsync(new ImageBuildRequest
        {
            ContextDirectory = PublishDirectory,
            Dockerfile = RootDirectory / "src" / "Api" / "Dockerfile",
            Tags = ImageTags.For(ImageRepository, buildVersion.DockerTag, buildVersion.ShortCommit),
            BaseImage = baseImage,
            // The commit time, not now: a label is a build step, and "now" would defeat the layer cache.
            Labels = OciLabels.Create(buildVersion.SemVer, buildVersion.Commit, buildVersion.CommitTime ?? DateTimeOffset.UnixEpoch, buildVersion.SourceUrl?.ToString(), "Api"),
        }, Log, cancellationToken);
        await new ImageRecord(ImageRepository, built.Id, built.Tags, buildVersion.SemVer, buildVersion.Commit, Digest: null, baseImage)
            .WriteAsync(ImageRecordFile, cancellationToken);
        ReportSummary($"{built.Tags[0]} ({built.CachedSteps}/{built.Steps} steps cached)");
    }

    async Task PushImageAsync(CancellationToken cancellationToken)
    {
        using var engine = await ConnectToEngineAsync(cancellationToken);
        var record = await ImageRecord.ReadAsync(ImageRecordFile, cancellationToken);
        var credentials = RegistryUsername is null ? null : new RegistryCredentials(RegistryUsername, RegistryPassword ?? string.Empty);
        var pusher = new ImagePusher(engine, TimeProvider.System);
        var pushes = new List<PushResult>();
        foreach (var tag in record.Tags)
        {
            pushes.Add(await pusher.PushAsync(record.ImageId, $"{Registry}/{tag}", credentials, Log, cancellationToken));
        }

        var pushed = pushes[0];
        await (record with { Digest = pushed.Digest }).WriteAsync(ImageRecordFile, cancellationToken);
        var uploaded = pushes.Sum(p => p.UploadedBytes);
        ReportSummary($"{pushed.PinnedReference} ({(uploaded > 0 ? $"{uploaded / 1_000_000.0:0.#} MB uploaded" : "already in the registry, nothing uploaded")})");
    }
}
