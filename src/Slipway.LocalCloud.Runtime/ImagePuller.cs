using System.Net;
using System.Text.Json;
using Docker.DotNet;
using Docker.DotNet.Models;
using Slipway.Output;

namespace Slipway.LocalCloud.Runtime;

/// <summary>
/// Makes a task's image present on the engine: nothing to do when it is, else a pull (the local registry on
/// 127.0.0.1 needs no credentials). A pull that fails reads as ECS's <c>CannotPullContainerError</c>.
/// </summary>
internal sealed class ImagePuller(IDockerClient docker, ILog log)
{
    public async Task EnsurePresentAsync(string image, CancellationToken cancellationToken)
    {
        if (await IsPresentAsync(image, cancellationToken))
        {
            return;
        }

        var (name, tagOrDigest) = Split(image);
        log.Debug($"pulling {image}");
        var errors = new PullErrors();
        try
        {
            await docker.Images.CreateImageAsync(new ImagesCreateParameters { FromImage = name, Tag = tagOrDigest }, null, errors, cancellationToken);
        }
        catch (DockerApiException exception)
        {
            throw new TaskStartException($"CannotPullContainerError: Error response from daemon: {EngineMessage(exception)}", exception);
        }
        catch (HttpRequestException exception)
        {
            throw new TaskStartException($"CannotPullContainerError: pull of {image} failed: {exception.Message}", exception);
        }

        if (errors.First is { } error)
        {
            throw new TaskStartException($"CannotPullContainerError: {error}");
        }

        if (!await IsPresentAsync(image, cancellationToken))
        {
            throw new TaskStartException($"CannotPullContainerError: the engine reported no error, but {image} is not present after the pull.");
        }
    }

    /// <summary>
    /// <c>name:tag</c> or <c>name@sha256:…</c> as the engine's create-image call wants them apart (an empty tag
    /// would pull every tag of the repository); no tag means <c>latest</c>, as for docker pull.
    /// </summary>
    internal static (string Name, string TagOrDigest) Split(string image)
    {
        var at = image.IndexOf('@', StringComparison.Ordinal);
        if (at > 0)
        {
            return (image[..at], image[(at + 1)..]);
        }

        var colon = image.LastIndexOf(':');
        return colon > image.LastIndexOf('/') ? (image[..colon], image[(colon + 1)..]) : (image, "latest");
    }

    /// <summary>The engine answers errors as <c>{"message": "..."}</c>; the message alone reads best.</summary>
    internal static string EngineMessage(DockerApiException exception)
    {
        try
        {
            using var body = JsonDocument.Parse(exception.ResponseBody ?? "");
            if (body.RootElement.TryGetProperty("message", out var message) && message.GetString() is { Length: > 0 } text)
            {
                return text;
            }
        }
        catch (JsonException)
        {
        }

        return string.IsNullOrWhiteSpace(exception.ResponseBody) ? exception.Message : exception.ResponseBody.Trim();
    }

    private async Task<bool> IsPresentAsync(string image, CancellationToken cancellationToken)
    {
        try
        {
            await docker.Images.InspectImageAsync(image, cancellationToken);
            return true;
        }
        catch (DockerApiException exception) when (exception.StatusCode == HttpStatusCode.NotFound)
        {
            return false;
        }
    }

    /// <summary>Keeps the first error of the pull's progress stream (synchronously, in stream order).</summary>
    private sealed class PullErrors : IProgress<JSONMessage>
    {
        public string? First { get; private set; }

        public void Report(JSONMessage value)
        {
            var error = value.Error?.Message is { Length: > 0 } detail ? detail : value.ErrorMessage;
            if (!string.IsNullOrEmpty(error))
            {
                First ??= error.Trim();
            }
        }
    }
}
