using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace Api.Tests;

/// <summary>Runs the built service as a real process on a free loopback port.</summary>
internal sealed class ApiServer : IAsyncDisposable
{
    private readonly Process process;

    private ApiServer(Process process, Uri address)
    {
        this.process = process;
        Address = address;
    }

    public Uri Address { get; }

    public static async Task<ApiServer> StartAsync(IDictionary<string, string>? environment = null, int? port = null)
    {
        port ??= FreePort();
        var apiDll = Path.Combine(AppContext.BaseDirectory, "Api.dll");
        var start = new ProcessStartInfo("dotnet", [apiDll])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.Environment["ASPNETCORE_HTTP_PORTS"] = port.Value.ToString(System.Globalization.CultureInfo.InvariantCulture);
        foreach (var (key, value) in environment ?? new Dictionary<string, string>())
        {
            start.Environment[key] = value;
        }

        var process = Process.Start(start) ?? throw new InvalidOperationException("dotnet did not start");
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        var server = new ApiServer(process, new Uri($"http://127.0.0.1:{port}"));
        await server.WaitUntilAnsweringAsync();
        return server;
    }

    public static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private async Task WaitUntilAnsweringAsync()
    {
        using var client = new HttpClient { Timeout = TimeSpan.FromSeconds(2) };
        // A hang guard, not a start-up target: on a loaded machine a cold start takes many seconds.
        var deadline = DateTime.UtcNow.AddSeconds(120);
        while (DateTime.UtcNow < deadline)
        {
            if (process.HasExited)
            {
                throw new InvalidOperationException($"Api exited with code {process.ExitCode} before answering");
            }

            try
            {
                using var response = await client.GetAsync(new Uri(Address, "/health"));
                return;
            }
            catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
            {
                await Task.Delay(100); // not listening yet, or too busy starting to answer within the probe's timeout
            }
        }

        throw new TimeoutException($"Api did not answer on {Address} within 120 s");
    }

    public async ValueTask DisposeAsync()
    {
        if (!process.HasExited)
        {
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync();
        }

        process.Dispose();
    }
}
