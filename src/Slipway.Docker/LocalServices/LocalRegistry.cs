using System.Diagnostics;
using System.Globalization;
using Slipway.Output;

namespace Slipway.Docker;

/// <summary>
/// Debian's <c>docker-registry</c> (distribution 2.x) on a free 127.0.0.1 port with its own temporary storage.
/// Docker allows plain HTTP to registries on 127.0.0.0/8, so no TLS or daemon configuration is needed.
/// Disposing stops it and deletes its storage.
/// </summary>
public sealed class LocalRegistry : IAsyncDisposable
{
    private const string Binary = "/usr/bin/docker-registry";
    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(30);

    private readonly Process process;
    private readonly string directory;

    private LocalRegistry(Process process, string directory, int port)
    {
        this.process = process;
        this.directory = directory;
        Port = port;
    }

    public int Port { get; }

    /// <summary>The registry host as image references spell it, e.g. <c>127.0.0.1:41234</c>.</summary>
    public string Host => $"127.0.0.1:{Port.ToString(CultureInfo.InvariantCulture)}";

    public Uri BaseAddress => new($"http://{Host}/");

    /// <summary>Starts a registry that needs no credentials, installing docker-registry first when it is missing (Debian, root).</summary>
    public static Task<LocalRegistry> StartAsync(ILog log, TimeProvider timeProvider, CancellationToken cancellationToken) =>
        StartAsync(null, log, timeProvider, cancellationToken);

    /// <summary>
    /// Starts a registry that, with <paramref name="htpasswdFile"/> (bcrypt entries), demands Basic
    /// authentication as a real registry does.
    /// </summary>
    public static async Task<LocalRegistry> StartAsync(string? htpasswdFile, ILog log, TimeProvider timeProvider, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(log);
        ArgumentNullException.ThrowIfNull(timeProvider);
        await DebianPackages.EnsureInstalledAsync(Binary, DebianPackages.LocalToolchain, log, cancellationToken);

        // The port is free when we look but may be taken before the registry binds it: try a few.
        for (var attempt = 1; ; attempt++)
        {
            var registry = Launch(htpasswdFile);
            if (await registry.WaitUntilAnsweringAsync(timeProvider, cancellationToken))
            {
                log.Information($"Registry listens at {registry.BaseAddress} (storage {registry.directory})");
                return registry;
            }

            await registry.DisposeAsync();
            if (attempt == 3)
            {
                throw new InvalidOperationException($"{Binary} did not answer on 127.0.0.1 after {attempt} attempts");
            }
        }
    }

    public async ValueTask DisposeAsync()
    {
        try
        {
            if (!process.HasExited)
            {
                process.Kill(entireProcessTree: true);
                await process.WaitForExitAsync();
            }
        }
        finally
        {
            process.Dispose();
            try
            {
                Directory.Delete(directory, recursive: true);
            }
            catch (IOException)
            {
                // A leftover temp directory is harmless; failing a run over it is not.
            }
        }
    }

    private static LocalRegistry Launch(string? htpasswdFile)
    {
        var port = FreePort.OnLoopback();
        var directory = Directory.CreateTempSubdirectory("slipway-registry-").FullName;
        var config = Path.Combine(directory, "config.yml");
        File.WriteAllText(config, $"""
            version: 0.1
            log:
              level: warn
              accesslog:
                disabled: true
            storage:
              filesystem:
                rootdirectory: {Path.Combine(directory, "data")}
              delete:
                enabled: true
            http:
              addr: 127.0.0.1:{port.ToString(CultureInfo.InvariantCulture)}
            {(htpasswdFile is null ? "" : $"auth:\n  htpasswd:\n    realm: slipway\n    path: {htpasswdFile}\n")}
            """);

        var startInfo = new ProcessStartInfo("/bin/sh") { UseShellExecute = false };
        startInfo.ArgumentList.Add("-c");
        startInfo.ArgumentList.Add($"exec {Binary} serve '{config}' >>'{Path.Combine(directory, "registry.log")}' 2>&1 </dev/null");
        var process = Process.Start(startInfo) ?? throw new InvalidOperationException($"could not start {Binary}");
        return new LocalRegistry(process, directory, port);
    }

    private async Task<bool> WaitUntilAnsweringAsync(TimeProvider timeProvider, CancellationToken cancellationToken)
    {
        using var http = new HttpClient { BaseAddress = BaseAddress, Timeout = TimeSpan.FromSeconds(2) };
        return await Waiting.UntilAsync(
            async ct =>
            {
                if (process.HasExited)
                {
                    return true;
                }

                try
                {
                    // 401 is an answer too: the registry is up and wants credentials.
                    using var response = await http.GetAsync(new Uri("v2/", UriKind.Relative), ct);
                    return response.IsSuccessStatusCode || response.StatusCode == System.Net.HttpStatusCode.Unauthorized;
                }
                catch (HttpRequestException)
                {
                    return false;
                }
            },
            StartTimeout,
            timeProvider,
            cancellationToken) && !process.HasExited;
    }
}
