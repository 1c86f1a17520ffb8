using Docker.DotNet;
using Docker.DotNet.Models;
using Slipway.Output;
using Slipway.Processes;

namespace Slipway.Docker;

/// <summary>
/// Decides which image the service builds on. An explicit choice (<c>--base-image</c>) wins; otherwise the
/// official <see cref="Official"/> image when it is present or can be pulled; otherwise a local stand-in
/// built once from Debian and the host's .NET runtime and reused while its recipe is unchanged.
/// </summary>
public sealed class BaseImage(DockerEngine engine, TimeProvider timeProvider)
{
    /// <summary>The Dockerfile's default <c>BASE_IMAGE</c>.</summary>
    public const string Official = "mcr.microsoft.com/dotnet/aspnet:10.0";

    private const string DebianSuite = "bookworm";
    private static readonly TimeSpan PullTimeout = TimeSpan.FromMinutes(3);

    /// <summary>The Debian mirror debootstrap downloads from.</summary>
    public string DebianMirror { get; init; } = "http://deb.debian.org/debian";

    /// <summary>
    /// When a local base image must be built and debootstrap is missing, install it with apt-get (saying so)
    /// instead of failing with the package to install. Off unless the caller (a target, a fixture) asks.
    /// </summary>
    public bool InstallMissingPackages { get; init; }

    /// <summary>Returns the image reference to pass as <c>BASE_IMAGE</c>, saying in the log what it chose and why.</summary>
    public async Task<string> ResolveAsync(string? explicitImage, ILog log, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(engine);
        ArgumentNullException.ThrowIfNull(log);
        if (!string.IsNullOrWhiteSpace(explicitImage))
        {
            log.Information($"Base image: {explicitImage} (given explicitly)");
            return explicitImage;
        }

        if (await ExistsAsync(Official, cancellationToken))
        {
            log.Information($"Base image: {Official} (present on the engine)");
            return Official;
        }

        var pullError = await TryPullAsync(Official, log, cancellationToken);
        if (pullError is null)
        {
            log.Information($"Base image: {Official} (pulled)");
            return Official;
        }

        return await LocalAsync(pullError, log, cancellationToken);
    }

    private async Task<string> LocalAsync(string pullError, ILog log, CancellationToken cancellationToken)
    {
        var runtime = HostDotnetRuntime.Find(major: 10);
        var recipe = new LocalBaseImageRecipe(DebianSuite, LocalBaseImageRecipe.DefaultPackages, runtime.Version);
        if (await ExistsAsync(recipe.Image, cancellationToken))
        {
            log.Information($"Base image: {recipe.Image} ({Official} could not be pulled: {pullError}; reusing the local base image built from Debian {DebianSuite} + host .NET runtime {runtime.Version})");
            return recipe.Image;
        }

        // Two builds at once would both spend half a minute on debootstrap; the second waits and reuses.
        using var buildLock = await FileLock.AcquireAsync(Path.Combine(Path.GetTempPath(), "slipway-base-image.lock"), TimeSpan.FromMinutes(10), timeProvider, cancellationToken);
        if (!await ExistsAsync(recipe.Image, cancellationToken))
        {
            log.Information($"{Official} could not be pulled ({pullError}); building local base image {recipe.Image} from Debian {DebianSuite} + host .NET runtime {runtime.Version}");
            var started = timeProvider.GetTimestamp();
            await new LocalBaseImageBuilder(engine, DebianMirror, InstallMissingPackages).BuildAsync(recipe, runtime, log, cancellationToken);
            log.Information($"Base image: {Official} could not be pulled ({pullError}); built local base image {recipe.Image} from Debian {DebianSuite} + host .NET runtime {runtime.Version} in {timeProvider.GetElapsedTime(started).TotalSeconds:0} s; reused on later runs");
        }
        else
        {
            log.Information($"Base image: {recipe.Image} (built by another process meanwhile; reusing it)");
        }

        return recipe.Image;
    }

    private async Task<bool> ExistsAsync(string image, CancellationToken cancellationToken)
    {
        try
        {
            await engine.Client.Images.InspectImageAsync(image, cancellationToken);
            return true;
        }
        catch (DockerImageNotFoundException)
        {
            return false;
        }
    }

    /// <summary>Pulls <paramref name="image"/>; returns null on success, else why it failed in one line.</summary>
    private async Task<string?> TryPullAsync(string image, ILog log, CancellationToken cancellationToken)
    {
        var colon = image.LastIndexOf(':');
        using var timeout = new CancellationTokenSource(PullTimeout, timeProvider);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, timeout.Token);
        var output = new BuildOutput(NullLog.Instance);
        var started = timeProvider.GetTimestamp();
        try
        {
            log.Information($"Pulling {image}");
            await engine.Client.Images.CreateImageAsync(new ImagesCreateParameters { FromImage = image[..colon], Tag = image[(colon + 1)..] }, null, output, linked.Token);
        }
        catch (DockerApiException exception)
        {
            return ImageBuilder.ApiError(exception);
        }
        catch (OperationCanceledException) when (timeout.IsCancellationRequested && !cancellationToken.IsCancellationRequested)
        {
            return $"no answer within {PullTimeout.TotalMinutes:0} min";
        }

        log.Debug($"pull of {image} finished in {timeProvider.GetElapsedTime(started).TotalSeconds:0.0} s");
        return output.Error ?? (await ExistsAsync(image, cancellationToken) ? null : "the engine reported no error but the image is missing");
    }
}
