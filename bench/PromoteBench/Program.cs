using System.Diagnostics;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using Slipway.Docker;
using Slipway.Output;
using Slipway.TestSupport;

// The promotion's copy between two repositories of one registry, as Promote makes it (RegistryClient.CopyImageAsync:
// the manifest read, each blob mounted from the source repository, the manifest put under the version tag, the
// digest compared), for a small image and a large one (>= 500 MB of incompressible layers), on a real registry
// started like the test fixture's. Each image is pushed to the source repository first (not timed), as EcrPush
// would have left it. A promotion takes tens of milliseconds, so one sample on a shared machine is mostly noise:
// the two are promoted in turn, several rounds, each to a new repository, and the medians are compared. The bytes
// that crossed the client in each promotion are printed too: they must not grow with the image either.
// Prints both medians and their ratio; the goal is under 1.5: the time does not grow with size.
// Usage: PromoteBench <large-megabytes> <log-file> [rounds]
var rounds = 7;
if (args.Length is < 2 or > 3 || !int.TryParse(args[0], CultureInfo.InvariantCulture, out var largeMegabytes) || largeMegabytes < 500
    || (args.Length == 3 && (!int.TryParse(args[2], CultureInfo.InvariantCulture, out rounds) || rounds < 1)))
{
    await Console.Error.WriteLineAsync("usage: PromoteBench <large-megabytes (>= 500)> <log-file> [rounds (>= 1, default 7)]");
    return 2;
}

using var cancel = new CancellationTokenSource(TimeSpan.FromMinutes(20));
var ct = cancel.Token;
await using var writer = new StreamWriter(args[1]);
var log = new FileLog(writer);
await using var registry = await LocalRegistry.StartAsync(log, TimeProvider.System, ct);
using var counter = new BodyByteCounter { InnerHandler = new HttpClientHandler() };
using var client = new RegistryClient(registry.BaseAddress, handler: counter);

// Both images have four layers and a config, so the two copies make the same calls: only the bytes differ.
var small = await PushAsync(client, "bench/small-source", [1, 1, 1, 1], ct);
var large = await PushAsync(client, "bench/large-source", [.. Enumerable.Repeat(largeMegabytes / 4, 3), largeMegabytes - (3 * (largeMegabytes / 4))], ct);
// A promotion comes long after the push, when the kernel has written the pushed layers to disk; here it would come
// seconds after, while the disk is still busy with them (and slows the registry's small writes), so flush them first.
using (var sync = Process.Start("sync") ?? throw new InvalidOperationException("could not start sync"))
{
    await sync.WaitForExitAsync(ct);
}

// One untimed promotion first, so that neither timed one pays for the first connection and the JIT.
await PromoteAsync(client, counter, "bench/small-source", "bench/warm-up", small, ct);
var smallRuns = new List<Promotion>();
var largeRuns = new List<Promotion>();
for (var round = 0; round < rounds; round++)
{
    smallRuns.Add(await PromoteAsync(client, counter, "bench/small-source", $"bench/small-target-{round}", small, ct));
    largeRuns.Add(await PromoteAsync(client, counter, "bench/large-source", $"bench/large-target-{round}", large, ct));
}

var smallTime = Median(smallRuns);
var largeTime = Median(largeRuns);
var ratio = largeTime / smallTime;
Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"small image (4 MB):      promoted in {smallTime,8:0.0} ms (median of {rounds}: {Samples(smallRuns)}), {smallRuns.Max(r => r.Bytes)} bytes through the client"));
Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"large image ({largeMegabytes} MB):  promoted in {largeTime,8:0.0} ms (median of {rounds}: {Samples(largeRuns)}), {largeRuns.Max(r => r.Bytes)} bytes through the client"));
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

static async Task<Promotion> PromoteAsync(RegistryClient client, BodyByteCounter counter, string source, string target, string digest, CancellationToken ct)
{
    var bytesBefore = counter.Bytes;
    var clock = Stopwatch.StartNew();
    var copied = await client.CopyImageAsync(source, digest, target, "1.0.0", ct);
    var elapsed = clock.Elapsed;
    var bytes = counter.Bytes - bytesBefore;
    if (copied != digest || (await client.HeadManifestAsync(target, "1.0.0", ct))?.Digest != digest)
    {
        throw new InvalidOperationException($"{target}:1.0.0 is not {digest} after the copy");
    }

    return new Promotion(elapsed.TotalMilliseconds, bytes);
}

static double Median(List<Promotion> runs)
{
    var sorted = runs.Select(r => r.Milliseconds).Order().ToList();
    return sorted.Count % 2 == 1 ? sorted[sorted.Count / 2] : (sorted[(sorted.Count / 2) - 1] + sorted[sorted.Count / 2]) / 2;
}

static string Samples(List<Promotion> runs) =>
    string.Join(' ', runs.Select(r => r.Milliseconds.ToString("0", CultureInfo.InvariantCulture)));

internal sealed record Promotion(double Milliseconds, long Bytes);

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
