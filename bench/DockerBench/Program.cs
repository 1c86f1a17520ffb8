using System.Globalization;
using Docker.DotNet;
using Docker.DotNet.Models;
using Slipway.Docker;
using Slipway.Output;

// Cold (no cache, fresh repository) vs warm (nothing changed) build and push of the service image, on a real
// engine and a real registry started like the test fixture. The service is published again before the warm
// build, into a wiped directory (new files, new times, same bytes), as the pipeline's Publish would.
// Usage: DockerBench <Api.csproj> <dockerfile> <work-dir> <log-file>
if (args.Length != 4)
{
    await Console.Error.WriteLineAsync("usage: DockerBench <Api.csproj> <dockerfile> <work-dir> <log-file>");
    return 2;
}

var (project, dockerfile, work, logFile) = (args[0], args[1], args[2], args[3]);
var publish = Path.Combine(work, "publish");
using var cancel = new CancellationTokenSource(TimeSpan.FromMinutes(15));
var ct = cancel.Token;
var time = TimeProvider.System;
await using var writer = new StreamWriter(logFile);
var log = new FileLog(writer);

using var engine = DockerEngine.FromEnvironment();
await DebianPackages.EnsureLocalToolchainAsync(log, ct); // the bench needs the engine, a registry and debootstrap
await using var daemon = await LocalDockerDaemon.EnsureRunningAsync(engine, log, time, ct);
await using var registry = await LocalRegistry.StartAsync(log, time, ct);
var baseImage = await new BaseImage(engine, time).ResolveAsync(Environment.GetEnvironmentVariable("SLIPWAY_BASE_IMAGE"), log, ct);

var repository = $"{registry.Host}/slipway/bench-{Guid.NewGuid():N}"[..^20];
var request = new ImageBuildRequest
{
    ContextDirectory = publish,
    Dockerfile = dockerfile,
    Tags = ImageTags.For(repository, "1.0.0", "benchcommit"),
    BaseImage = baseImage,
    Labels = OciLabels.Create("1.0.0", "benchcommit", new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero), null, "Api"),
};
var builder = new ImageBuilder(engine);
var pusher = new ImagePusher(engine, time);

try
{
    await PublishAsync();
    var (cold, coldBuild) = await TimeAsync(() => builder.BuildAsync(request with { NoCache = true }, log, ct));
    var (coldPush, coldPushTime) = await TimeAsync(() => pusher.PushAsync(cold.Id, request.Tags[0], null, log, ct));
    await PublishAsync();
    var (warm, warmBuild) = await TimeAsync(() => builder.BuildAsync(request, log, ct));
    var (warmPush, warmPushTime) = await TimeAsync(() => pusher.PushAsync(warm.Id, request.Tags[0], null, log, ct));

    Print($"cold build: {Seconds(coldBuild)} s ({cold.CachedSteps}/{cold.Steps} steps from cache)");
    Print($"warm build: {Seconds(warmBuild)} s ({warm.CachedSteps}/{warm.Steps} steps from cache, same image: {cold.Id == warm.Id})");
    Print($"warm/cold build: {Ratio(warmBuild, coldBuild)}");
    Print($"cold push: {Seconds(coldPushTime)} s, {coldPush.PushedLayers} layers, uploaded bytes (engine count, uncompressed layers): {coldPush.UploadedBytes}");
    Print($"warm push: {Seconds(warmPushTime)} s, uploaded: {warmPush.Uploaded}, same digest: {coldPush.Digest == warmPush.Digest}");
    Print($"warm/cold push: {Ratio(warmPushTime, coldPushTime)}");
    Print($"warm push uploaded bytes: {warmPush.UploadedBytes}");
    return warmPush.UploadedBytes == 0 && cold.Id == warm.Id ? 0 : 1;
}
finally
{
    foreach (var tag in request.Tags)
    {
        try
        {
            await engine.Client.Images.DeleteImageAsync(tag, new ImageDeleteParameters { Force = true }, CancellationToken.None);
        }
        catch (DockerApiException)
        {
            // Already removed with the other tag.
        }
    }
}

async Task PublishAsync()
{
    if (Directory.Exists(publish))
    {
        Directory.Delete(publish, recursive: true);
    }

    var startInfo = new System.Diagnostics.ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true };
    foreach (var argument in new[] { "publish", project, "-c", "Release", "-o", publish, "--artifacts-path", Path.Combine(work, "artifacts"), "-p:Version=1.0.0", "-p:SourceRevisionId=benchcommit", "-nologo", "-v", "quiet" })
    {
        startInfo.ArgumentList.Add(argument);
    }

    using var process = System.Diagnostics.Process.Start(startInfo)!;
    var output = process.StandardOutput.ReadToEndAsync(ct);
    var errors = process.StandardError.ReadToEndAsync(ct);
    await process.WaitForExitAsync(ct);
    if (process.ExitCode != 0)
    {
        throw new InvalidOperationException($"dotnet publish failed:\n{await output}\n{await errors}");
    }
}

async Task<(T Result, TimeSpan Elapsed)> TimeAsync<T>(Func<Task<T>> action)
{
    var started = time.GetTimestamp();
    var result = await action();
    return (result, time.GetElapsedTime(started));
}

static string Seconds(TimeSpan elapsed) => elapsed.TotalSeconds.ToString("0.00", CultureInfo.InvariantCulture);

static string Ratio(TimeSpan warm, TimeSpan cold) => (warm.TotalSeconds / cold.TotalSeconds).ToString("0.00", CultureInfo.InvariantCulture);

static void Print(string line) => Console.WriteLine(line);

/// <summary>The engine's output goes to a file; the console gets only the numbers.</summary>
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
