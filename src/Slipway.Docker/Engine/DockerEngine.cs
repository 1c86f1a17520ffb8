using Docker.DotNet;
using Slipway.Output;

namespace Slipway.Docker;

/// <summary>
/// A connection to a Docker engine. <see cref="FromEnvironment"/> honours <c>DOCKER_HOST</c> like the docker CLI;
/// <see cref="EnsureAnsweringAsync"/> turns "nothing listens" into a message that says how to start an engine.
/// </summary>
public sealed class DockerEngine : IDisposable
{
    public const string DefaultHost = "unix:///var/run/docker.sock";

    private static readonly TimeSpan PingTimeout = TimeSpan.FromSeconds(5);

    private readonly DockerClientConfiguration configuration;
    private readonly DockerClient client;
    private readonly TimeProvider timeProvider;

    public DockerEngine(Uri endpoint, TimeProvider? timeProvider = null)
    {
        ArgumentNullException.ThrowIfNull(endpoint);
        Endpoint = endpoint;
        this.timeProvider = timeProvider ?? TimeProvider.System;

        // Builds and pushes stream for minutes: the per-request timeout must not cut them off.
        configuration = new DockerClientConfiguration(endpoint, defaultTimeout: Timeout.InfiniteTimeSpan);
        client = configuration.CreateClient();
    }

    /// <summary>Where the engine is expected: <c>unix:///…</c> or <c>tcp://host:port</c>.</summary>
    public Uri Endpoint { get; }

    /// <summary>The Docker.DotNet client, for operations this library does not wrap (containers, inspect).</summary>
    public IDockerClient Client => client;

    /// <summary>True when the engine is expected on this machine's Unix socket, where <see cref="LocalDockerDaemon"/> can start one.</summary>
    public bool IsLocalSocket => Endpoint.Scheme == "unix";

    /// <summary>The engine named by <c>DOCKER_HOST</c>, or the default Unix socket when it is unset or empty.</summary>
    public static DockerEngine FromEnvironment() => FromEnvironment(Environment.GetEnvironmentVariable);

    internal static DockerEngine FromEnvironment(Func<string, string?> variable) => new(ResolveEndpoint(variable("DOCKER_HOST")));

    /// <summary>Parses a <c>DOCKER_HOST</c> value; null or blank means the default socket.</summary>
    public static Uri ResolveEndpoint(string? dockerHost)
    {
        var value = string.IsNullOrWhiteSpace(dockerHost) ? DefaultHost : dockerHost.Trim();
        if (!Uri.TryCreate(value, UriKind.Absolute, out var uri) || uri.Scheme is not ("unix" or "tcp" or "http" or "https" or "npipe"))
        {
            throw new ArgumentException($"DOCKER_HOST '{value}' is not an engine address: use unix:///path/to/docker.sock or tcp://host:port.", nameof(dockerHost));
        }

        return uri;
    }

    /// <summary>True when the engine answers a ping within a few seconds.</summary>
    public async Task<bool> IsAnsweringAsync(CancellationToken cancellationToken)
    {
        try
        {
            await PingAsync(cancellationToken);
            return true;
        }
        catch (Exception exception) when (IsUnreachable(exception, cancellationToken))
        {
            return false;
        }
    }

    /// <summary>Fails with <see cref="DockerEngineUnavailableException"/> (saying how to start an engine) when nothing answers.</summary>
    public async Task EnsureAnsweringAsync(ILog log, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(log);
        try
        {
            await PingAsync(cancellationToken);
        }
        catch (Exception exception) when (IsUnreachable(exception, cancellationToken))
        {
            throw new DockerEngineUnavailableException(UnavailableMessage(Endpoint, exception), exception);
        }

        var version = await client.System.GetVersionAsync(cancellationToken);
        log.Debug($"Docker engine {version.Version} (API {version.APIVersion}) answers at {Endpoint}");
    }

    public void Dispose()
    {
        client.Dispose();
        configuration.Dispose();
    }

    internal static string UnavailableMessage(Uri endpoint, Exception exception)
    {
        var reason = exception is OperationCanceledException ? $"no answer within {PingTimeout.TotalSeconds:0} s" : Innermost(exception).Message;
        return $"""
            No Docker engine answers at {endpoint} ({reason}).
            Start one, then run the build again:
              - Linux: sudo dockerd --bridge=none --iptables=false --ip-masq=false &   (or: sudo systemctl start docker)
              - macOS/Windows: start Docker Desktop
              - or point DOCKER_HOST at a running engine (e.g. DOCKER_HOST=unix:///var/run/docker.sock or tcp://127.0.0.1:2375)
            """;
    }

    private static Exception Innermost(Exception exception)
    {
        while (exception.InnerException is not null)
        {
            exception = exception.InnerException;
        }

        return exception;
    }

    private static bool IsUnreachable(Exception exception, CancellationToken cancellationToken) =>
        !cancellationToken.IsCancellationRequested
        && exception is HttpRequestException or IOException or System.Net.Sockets.SocketException or OperationCanceledException or TimeoutException or DockerApiException;

    private async Task PingAsync(CancellationToken cancellationToken)
    {
        using var timeout = new CancellationTokenSource(PingTimeout, timeProvider);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, timeout.Token);
        await client.System.PingAsync(linked.Token);
    }
}
