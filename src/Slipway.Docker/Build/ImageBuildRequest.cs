namespace Slipway.Docker;

/// <summary>What to build: a context directory, a Dockerfile (inside or outside it), tags, build args, labels.</summary>
public sealed record ImageBuildRequest
{
    /// <summary>The directory sent as the build context, e.g. the publish output <c>artifacts/publish/Api</c>.</summary>
    public required string ContextDirectory { get; init; }

    /// <summary>The Dockerfile, e.g. <c>src/Api/Dockerfile</c>; it need not be inside the context.</summary>
    public required string Dockerfile { get; init; }

    /// <summary>Full references to tag the result with, e.g. from <see cref="ImageTags.For"/>.</summary>
    public required IReadOnlyList<string> Tags { get; init; }

    /// <summary>The image to build on, passed as the <c>BASE_IMAGE</c> build argument; null keeps the Dockerfile's default.</summary>
    public string? BaseImage { get; init; }

    public IReadOnlyDictionary<string, string> BuildArgs { get; init; } = new Dictionary<string, string>();

    /// <summary>Labels added to the image, e.g. from <see cref="OciLabels.Create"/>.</summary>
    public IReadOnlyDictionary<string, string> Labels { get; init; } = new Dictionary<string, string>();

    /// <summary>Ignore the engine's layer cache (benchmarks, suspected stale layers).</summary>
    public bool NoCache { get; init; }

    /// <summary>
    /// The time to date the image at, as <c>SOURCE_DATE_EPOCH</c>: the commit time. Every file the build adds and
    /// the image's own history are dated at it and what else differs per build is dropped from its config, so one
    /// commit and base image give one image id and digest on any engine. Null keeps the engine's dates.
    /// </summary>
    public DateTimeOffset? SourceDate { get; init; }
}
