using System.Diagnostics;
using System.Text;
using Amazon.Runtime;
using Microsoft.AspNetCore.Builder;
using Slipway.Aws;
using Slipway.Docker;
using Slipway.LocalCloud.Hosting;
using Slipway.LocalCloud.Scheduling;
using Slipway.Output;

namespace Slipway.LocalCloud.Tests.Support;

/// <summary>
/// The local cloud over HTTP on a free 127.0.0.1 port, as clients see it: the real host, a real registry
/// (docker-registry), and the fake engine (these tests are about the wire, not containers). Fast ticks so that a
/// service settles in about a second.
/// </summary>
public sealed class CloudServer : IAsyncLifetime
{
    public const string AccessKey = "local-test-key";
    public const string SecretKey = "local-test-secret";

    private WebApplication? app;
    private LocalRegistry? registry;
    private string? directory;

    public Uri Url { get; private set; } = new("http://127.0.0.1/");

    public string RegistryHost => registry!.Host;

    internal FakeTaskRuntime Runtime { get; } = new();

    public async Task InitializeAsync()
    {
        await DebianPackages.EnsureLocalToolchainAsync(NullLog.Instance, CancellationToken.None);
        registry = await LocalRegistry.StartAsync(NullLog.Instance, TimeProvider.System, CancellationToken.None);
        directory = Directory.CreateTempSubdirectory("slipway-localcloud-server-").FullName;
        var options = new CloudOptions(0, directory, registry.Host, "us-east-1", Path.Combine(directory, "secrets.json"));
        var scheduler = new SchedulerOptions { TickInterval = TimeSpan.FromMilliseconds(100), SettleTime = TimeSpan.FromSeconds(1) };
        // Nothing listens on the fake tasks' ports: the target check is the fake's too.
        app = CloudHost.Build(options, Runtime, new FakeLoadBalancer(Runtime), TimeProvider.System, scheduler, new FakeTargetProbe());
        await app.StartAsync();
        Url = CloudHost.Address(app);
        using var http = new HttpClient();
        for (var i = 0; i < 100 && !(await http.GetAsync(new Uri(Url, CloudHost.HealthPath))).IsSuccessStatusCode; i++)
        {
            await Task.Delay(50);
        }
    }

    public async Task DisposeAsync()
    {
        if (app is not null)
        {
            await app.StopAsync();
            await app.DisposeAsync();
        }

        if (registry is not null)
        {
            await registry.DisposeAsync();
        }

        if (directory is not null)
        {
            Directory.Delete(directory, recursive: true);
        }
    }

    public AwsClientOptions ClientOptions() => new()
    {
        ServiceUrl = Url.ToString().TrimEnd('/'),
        Region = "us-east-1",
        Credentials = new BasicAWSCredentials(AccessKey, SecretKey),
        MaxAttempts = 1,
        GetEnvironmentVariable = _ => null,
    };

    /// <summary>Runs <c>aws --endpoint-url URL ARGS</c> with fake keys and nothing from the machine's AWS configuration.</summary>
    public async Task<(int ExitCode, string Stdout, string Stderr)> AwsAsync(params string[] args)
    {
        var start = new ProcessStartInfo("aws") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        start.ArgumentList.Add("--endpoint-url");
        start.ArgumentList.Add(Url.ToString().TrimEnd('/'));
        start.ArgumentList.Add("--output");
        start.ArgumentList.Add("json");
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        foreach (var name in start.Environment.Keys.Where(k => k.StartsWith("AWS_", StringComparison.Ordinal)).ToList())
        {
            start.Environment.Remove(name);
        }

        start.Environment["AWS_ACCESS_KEY_ID"] = AccessKey;
        start.Environment["AWS_SECRET_ACCESS_KEY"] = SecretKey;
        start.Environment["AWS_DEFAULT_REGION"] = "us-east-1";
        start.Environment["AWS_CONFIG_FILE"] = "/nonexistent/aws-config";
        start.Environment["AWS_SHARED_CREDENTIALS_FILE"] = "/nonexistent/aws-credentials";
        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        return (process.ExitCode, await stdout, await stderr);
    }

    /// <summary>Uploads a blob to the registry (monolithic upload) and returns its digest.</summary>
    public async Task<(string Digest, long Size)> PushBlobAsync(string repository, byte[] content)
    {
        using var http = new HttpClient { BaseAddress = new Uri($"http://{RegistryHost}/") };
        var digest = RegistryManifest.DigestOf(content);
        using var started = await http.PostAsync(new Uri($"v2/{repository}/blobs/uploads/", UriKind.Relative), null);
        started.EnsureSuccessStatusCode();
        var location = started.Headers.Location!;
        var upload = location.IsAbsoluteUri ? location : new Uri(http.BaseAddress, location);
        var separator = upload.Query.Length > 0 ? "&" : "?";
        using var put = await http.PutAsync(new Uri($"{upload}{separator}digest={Uri.EscapeDataString(digest)}"), new ByteArrayContent(content));
        put.EnsureSuccessStatusCode();
        return (digest, content.Length);
    }

    /// <summary>A small OCI image (config and one layer) whose blobs are in the repository; returns its manifest.</summary>
    public async Task<string> PushImageBlobsAsync(string repository, string seed)
    {
        var config = await PushBlobAsync(repository, Encoding.UTF8.GetBytes($$$"""{"architecture":"amd64","os":"linux","config":{"Labels":{"seed":"{{{seed}}}"}},"rootfs":{"type":"layers","diff_ids":[]}}"""));
        var layer = await PushBlobAsync(repository, Encoding.UTF8.GetBytes($"layer {seed} " + new string('x', 1000)));
        return $$"""{"schemaVersion":2,"mediaType":"application/vnd.oci.image.manifest.v1+json","config":{"mediaType":"application/vnd.oci.image.config.v1+json","digest":"{{config.Digest}}","size":{{config.Size}}},"layers":[{"mediaType":"application/vnd.oci.image.layer.v1.tar","digest":"{{layer.Digest}}","size":{{layer.Size}}}]}""";
    }
}

[CollectionDefinition(Name)]
public sealed class UsesCloudServer : ICollectionFixture<CloudServer>
{
    public const string Name = "local cloud over HTTP";
}
