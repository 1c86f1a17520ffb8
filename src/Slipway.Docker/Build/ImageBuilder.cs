using Docker.DotNet;
using Docker.DotNet.Models;
using Slipway.Output;

namespace Slipway.Docker;

/// <summary>Builds an image on the engine with the classic builder, host networking, and the request's tags and labels.</summary>
public sealed class ImageBuilder(DockerEngine engine)
{
    /// <summary>
    /// Builds <paramref name="request"/>, streaming the engine's output into <paramref name="log"/>. A failing
    /// step throws <see cref="DockerBuildException"/> naming the step and the error.
    /// </summary>
    public async Task<BuiltImage> BuildAsync(ImageBuildRequest request, ILog log, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(engine);
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(log);
        if (request.Tags.Count == 0)
        {
            throw new ArgumentException("an image build needs at least one tag", nameof(request));
        }

        using var context = await BuildContext.CreateAsync(request.ContextDirectory, request.Dockerfile, log, cancellationToken);
        var buildArgs = new Dictionary<string, string>(request.BuildArgs);
        if (request.BaseImage is not null)
        {
            buildArgs["BASE_IMAGE"] = request.BaseImage;
        }

        var parameters = new ImageBuildParameters
        {
            Dockerfile = context.DockerfileName,
            Tags = request.Tags.ToList(),
            BuildArgs = buildArgs,
            Labels = new Dictionary<string, string>(request.Labels),

            // The engine runs without a bridge: RUN steps share the host's network.
            NetworkMode = "host",
            NoCache = request.NoCache,
            Remove = true,
            ForceRemove = true,
        };

        log.Information($"Building {string.Join(", ", request.Tags)}{(request.BaseImage is null ? "" : $" on {request.BaseImage}")}");
        var output = new BuildOutput(log);
        try
        {
            await engine.Client.Images.BuildImageFromDockerfileAsync(parameters, context.OpenRead(), [], new Dictionary<string, string>(), output, cancellationToken);
        }
        catch (DockerApiException exception)
        {
            // Errors before the first step (a bad Dockerfile name, an unknown instruction) come back as HTTP errors.
            throw new DockerBuildException(output.Step, ApiError(exception));
        }

        output.Complete();
        if (output.Error is not null)
        {
            throw new DockerBuildException(output.Step, output.Error) { LastStepImage = output.LastStepImage };
        }

        var id = output.ImageId ?? (await engine.Client.Images.InspectImageAsync(request.Tags[0], cancellationToken)).ID;
        if (request.SourceDate is { } sourceDate)
        {
            id = await new ReproducibleImage(engine).RewriteAsync(id, request.Tags, sourceDate, log, cancellationToken);
        }

        var built = new BuiltImage(id, request.Tags, output.Steps, output.CachedSteps) { RebuiltSteps = output.RebuiltSteps };
        log.Information($"Built {id[..Math.Min(id.Length, 19)]} ({built.CacheSummary}), tagged {string.Join(", ", request.Tags)}");
        return built;
    }

    internal static string ApiError(DockerApiException exception)
    {
        var body = exception.ResponseBody;
        try
        {
            using var json = System.Text.Json.JsonDocument.Parse(body);
            if (json.RootElement.TryGetProperty("message", out var message) && message.GetString() is { } text)
            {
                return text;
            }
        }
        catch (System.Text.Json.JsonException)
        {
            // Not JSON: the body itself is the best message there is.
        }

        return string.IsNullOrWhiteSpace(body) ? exception.Message : body.Trim();
    }
}
