using System.Diagnostics;
using Xunit.Abstractions;

namespace Slipway.Docker.Tests;

/// <summary>
/// The same commit, cloned at two different paths, published and built into an image, with the engine's cache and
/// without it (as a fresh engine builds): the same bytes, the same image id, the same digest. Otherwise every CI
/// runner would push and deploy a "new" image for no change.
/// </summary>
[Collection(RealDocker.Name)]
[Trait(TestCategories.Name, TestCategories.Integration)]
public sealed class ReproducibleImageTests(DockerFixture fixture, ITestOutputHelper output) : IDisposable
{
    private readonly CancellationTokenSource timeout = TestTimeouts.Start(TestTimeouts.Fixture);

    [Fact]
    public async Task Two_clones_of_one_commit_at_different_paths_give_the_same_service_image_and_digest()
    {
        var first = await CloneAsync(Path.Combine(fixture.NewDirectory("repro"), "a"));
        var second = await CloneAsync(Path.Combine(fixture.NewDirectory("reproducible-elsewhere"), "much", "deeper", "clone"));

        var firstPublish = await PublishAsync(first);
        var secondPublish = await PublishAsync(second);

        foreach (var file in new[] { "Api.dll", "Api.pdb" })
        {
            var one = await File.ReadAllBytesAsync(Path.Combine(firstPublish, file));
            var other = await File.ReadAllBytesAsync(Path.Combine(secondPublish, file));
            Assert.True(one.AsSpan().SequenceEqual(other), $"{file} differs between the clones at {first} and {second}");
        }

        var repository = $"slipway-test/repro-{Guid.NewGuid():N}"[..32];
        var firstImage = await BuildAsync(firstPublish, repository, "first");
        var secondImage = await BuildAsync(secondPublish, repository, "second");
        Assert.Equal(firstImage, secondImage);

        // Without the layer cache, as on a fresh engine: the builder dates /app and the config at this moment.
        var uncached = await BuildAsync(secondPublish, repository, "uncached", noCache: true);
        Assert.Equal(firstImage, uncached);
        var inspected = await fixture.Engine.Client.Images.InspectImageAsync(uncached, timeout.Token);
        Assert.Equal(DockerFixture.CommitTime, new DateTimeOffset(inspected.Created.ToUniversalTime(), TimeSpan.Zero));
        Assert.Contains($"{repository}:uncached", inspected.RepoTags);

        var pusher = new ImagePusher(fixture.Engine, fixture.Time);
        var log = new RecordingLog(output);
        var firstPush = await pusher.PushAsync(firstImage, $"{fixture.Registry.Host}/{repository}:first", null, log, timeout.Token);
        var secondPush = await pusher.PushAsync(secondImage, $"{fixture.Registry.Host}/{repository}:second", null, log, timeout.Token);
        fixture.RemoveAfterwards([$"{fixture.Registry.Host}/{repository}:first", $"{fixture.Registry.Host}/{repository}:second"]);
        Assert.Equal(firstPush.Digest, secondPush.Digest);
    }

    /// <summary>What the service's publish reads, committed with fixed names and dates: one commit id in both clones.</summary>
    private async Task<string> CloneAsync(string root)
    {
        var files = await RunAsync("git", ["ls-files", "-co", "--exclude-standard"], fixture.RepositoryRoot);
        foreach (var file in files.Split('\n', StringSplitOptions.RemoveEmptyEntries))
        {
            var shipped = file.StartsWith("src/Api/", StringComparison.Ordinal) || file.StartsWith(".config/", StringComparison.Ordinal)
                || file is "Directory.Build.props" or "Directory.Packages.props" or "global.json";
            if (shipped && File.Exists(Path.Combine(fixture.RepositoryRoot, file)))
            {
                Directory.CreateDirectory(Path.GetDirectoryName(Path.Combine(root, file))!);
                File.Copy(Path.Combine(fixture.RepositoryRoot, file), Path.Combine(root, file));
            }
        }

        await RunAsync("git", ["init", "-q", "-b", "main"], root);
        await RunAsync("git", ["add", "-A"], root);
        await RunAsync("git", ["commit", "-q", "-m", "one commit"], root);
        return root;
    }

    private async Task<string> PublishAsync(string root)
    {
        var publish = Path.Combine(root, "artifacts", "publish", "Api");
        // As the Publish target does: the version handed to MinVer, no app host.
        await RunAsync("dotnet", ["publish", Path.Combine(root, "src", "Api", "Api.csproj"), "-c", "Release", "-o", publish, "-p:UseAppHost=false", $"-p:MinVerVersionOverride={DockerFixture.Version}", "-nologo", "-v", "quiet"], root);
        return publish;
    }

    private async Task<string> BuildAsync(string publish, string repository, string tag, bool noCache = false)
    {
        var request = new ImageBuildRequest
        {
            ContextDirectory = publish,
            Dockerfile = fixture.Dockerfile,
            Tags = [$"{repository}:{tag}"],
            BaseImage = fixture.BaseImage,
            Labels = OciLabels.Create(DockerFixture.Version, DockerFixture.Commit, DockerFixture.CommitTime, "https://example.invalid/slipway", "Api"),
            SourceDate = DockerFixture.CommitTime,
            NoCache = noCache,
        };
        fixture.RemoveAfterwards(request.Tags);
        return (await new ImageBuilder(fixture.Engine).BuildAsync(request, new RecordingLog(output), timeout.Token)).Id;
    }

    private async Task<string> RunAsync(string tool, string[] args, string workingDirectory)
    {
        var start = new ProcessStartInfo(tool) { WorkingDirectory = workingDirectory, RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        // One commit id in both clones: the same author, committer and dates.
        foreach (var (name, value) in new[] { ("GIT_AUTHOR_NAME", "repro"), ("GIT_AUTHOR_EMAIL", "repro@example.invalid"), ("GIT_COMMITTER_NAME", "repro"), ("GIT_COMMITTER_EMAIL", "repro@example.invalid"), ("GIT_AUTHOR_DATE", "2026-11-26T12:00:00Z"), ("GIT_COMMITTER_DATE", "2026-11-26T12:00:00Z") })
        {
            start.Environment[name] = value;
        }

        foreach (var name in new[] { "MSBUILD_EXE_PATH", "MSBuildExtensionsPath", "MSBuildSDKsPath", "MSBuildLoadMicrosoftTargetsReadOnly" })
        {
            start.Environment.Remove(name);
        }

        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync(timeout.Token);
        var stderr = process.StandardError.ReadToEndAsync(timeout.Token);
        await process.WaitForExitAsync(timeout.Token);
        return process.ExitCode == 0
            ? await stdout
            : throw new InvalidOperationException($"{tool} {string.Join(' ', args)} exited {process.ExitCode}:\n{await stdout}\n{await stderr}");
    }

    public void Dispose() => timeout.Dispose();
}
