using System.Diagnostics;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using Slipway.Docker;
using Slipway.Output;

// The promotion's copy between two repositories of one registry, as Promote makes it (RegistryClient.CopyImageAsync:
// the manifest read, each blob mounted from the source repository, the manifest put under the version tag, the
// digest compared), for a small image and a large one (>= 500 MB of incompressible layers), on a real registry
// started like the test fixture's. Each image is pushed to the source repository first (not timed), as EcrPush
// would have left it. Prints both times and their ratio; the goal is under 1.5: the time does not grow with size.
// Usage: PromoteBench <large-megabytes> <log-file>
if (args.Length != 2 || !int.TryParse(args[0], CultureInfo.InvariantCulture, out var largeMegabytes) || largeMegabytes < 500)
{
    await Console.Error.WriteLineAsync("usage: PromoteBench <large-megabytes (>= 500)> <log-file>");
    return 2;
}

using var cancel = new CancellationTokenSource(TimeSpan.FromMinutes(20));
var ct = cancel.Token;
await using var writer = new StreamWriter(args[1]);
var log = new FileLog(writer);
await using var registry = await LocalRegistry.StartAsync(log, TimeProvider.System, ct);
using var client = new RegistryClient(registry.BaseAddress);

var small = await PushAsync(client, "bench/small-source", [1], ct);
var large = await PushAsync(client, "bench/large-source", [.. Enumerable.Repeat(largeMegabytes / 4, 3), largeMegabytes - (3 * (largeMegabytes / 4))], ct);
// One untimed promotion first, so that neither timed one pays for the first connection and the JIT.
await PromoteAsync(client, "bench/small-source", "bench/warm-up", small, ct);
var smallTime = await PromoteAsync(client, "bench/small-source", "bench/small-target", small, ct);
var largeTime = await PromoteAsync(client, "bench/large-source", "bench/large-target", large, ct);

var ratio = largeTime.TotalMilliseconds / smallTime.TotalMilliseconds;
Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"small image (1 MB):      promoted in {smallTime.TotalMilliseconds,8:0.0} ms"));
Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"large image ({largeMegabytes} MB):  promoted in {largeTime.TotalMilliseconds,8:0.0} ms"));
Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"ratio large/small: {ratio:0.00} (goal < 1.5) {(ratio < 1.5 ? "OK" : "OVER")}"));
return 0;

// An image of random (incompressible) layers of the given sizes in MB; its digest.
static async Task<string> PushAsync(RegistryClient client, string repository, int[] layerMegabytes, CancellationToken ct)
{
    var layers = new List<(string Digest, long Size)>();
    foreach (var megabytes in layerMegabytes)
    {
        var content = new byte[megabytes * 1024L * 1024L];
        RandomNumberGenerator.Fill(content);
        layers.Add((await client.UploadBlobAsync(repository, content, ct), content.LongLength));
    }

    var config = Encoding.UTF8.GetBytes(new JsonObject
    {
        ["architecture"] = "amd64",
        ["os"] = "linux",
        ["rootfs"] = new JsonObject { ["type"] = "layers", ["diff_ids"] = new JsonArray([.. layers.Select(l => (JsonNode)l.Digest)]) },
    }.ToJsonString());
    var configDigest = await client.UploadBlobAsync(repository, config, ct);
    var manifest = Encoding.UTF8.GetBytes(new JsonObject
    {
        ["schemaVersion"] = 2,
        ["mediaType"] = ManifestMediaTypes.OciManifest,
        ["config"] = new JsonObject { ["mediaType"] = "application/vnd.oci.image.config.v1+json", ["digest"] = configDigest, ["size"] = config.Length },
        ["layers"] = new JsonArray([.. layers.Select(l => (JsonNode)new JsonObject { ["mediaType"] = "application/vnd.oci.image.layer.v1.tar", ["digest"] = l.Digest, ["size"] = l.Size })]),
    }.ToJsonString());
    return await client.PutManifestAsync(repository, "1.0.0", new RegistryManifest(ManifestMediaTypes.OciManifest, RegistryManifest.DigestOf(manifest), manifest), ct);
}

static async Task<TimeSpan> PromoteAsync(RegistryClient client, string source, string target, string digest, CancellationToken ct)
{
    var clock = Stopwatch.StartNew();
    var copied = await client.CopyImageAsync(source, digest, target, "1.0.0", ct);
    var elapsed = clock.Elapsed;
    if (copied != digest || (await client.HeadManifestAsync(target, "1.0.0", ct))?.Digest != digest)
    {
        throw new InvalidOperationException($"{target}:1.0.0 is not {digest} after the copy");
    }

    return elapsed;
}

internal sealed class FileLog(StreamWriter writer) : ILog
{
    private readonly Lock gate = new();

    public void Write(LogLevel level, string message)
    {
        lock (gate)
        {
            writer.WriteLine($"{DateTime.UtcNow:HH:mm:ss.fff} [{level}] {message}");
        }
    }
}
