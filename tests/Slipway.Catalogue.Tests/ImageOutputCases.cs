using Slipway.Docker;

namespace Slipway.Catalogue.Tests;

/// <summary>
/// Issue 13, what a new user reads around an image: DockerBuild and DockerPush alone (<c>--skip</c> Publish: a
/// publish output of one file stands in) on a tiny base image of the catalogue's own, pushed to a throw-away registry.
/// The build says what it rebuilt, keeps the engine's container chatter for <c>--verbosity verbose</c>, prints sizes
/// in one decimal unit and ends with what to run next.
/// </summary>
[Collection(CatalogueGroup.Name)]
[Trait(TestCategories.Name, TestCategories.Integration)]
public sealed class ImageOutputCases(CatalogueClone clone) : IAsyncLifetime
{
    private readonly string suffix = Guid.NewGuid().ToString("N")[..12];

    private string BaseTag => $"slipway-catalogue/base:{suffix}";

    private string Repository => $"slipway-catalogue/api-{suffix}";

    private string PublishDirectory => Path.Combine(clone.Root, "artifacts", "publish", "Api");

    private string RecordFile => Path.Combine(clone.Root, "artifacts", "image.json");

    public async Task InitializeAsync()
    {
        await CatalogueImages.ScratchImageAsync(BaseTag, Path.Combine(clone.Root, ".nuke", "temp"));
        Directory.CreateDirectory(PublishDirectory);
        await File.WriteAllTextAsync(Path.Combine(PublishDirectory, "Api.txt"), "first\n");
    }

    public async Task DisposeAsync()
    {
        if (File.Exists(RecordFile))
        {
            File.Delete(RecordFile);
        }

        // The base image, the builds on it (they inherit its owner label) and the tag the push gave them.
        await CatalogueImages.RemoveOwnAsync();
        Directory.Delete(PublishDirectory, recursive: true);
    }

    [Fact]
    public async Task A_build_says_what_it_rebuilt_keeps_container_lines_for_verbose_and_a_build_and_a_push_say_what_to_run_next()
    {
        string[] build = ["DockerBuild", "--skip", "--base-image", BaseTag, "--image-repository", Repository];

        var first = await clone.BuildShAsync(build);

        Assert.True(first.ExitCode == 0, first.ToString());
        Assert.Contains("rebuilt ", first.Output, StringComparison.Ordinal);
        Assert.Contains("COPY . /app", first.Output, StringComparison.Ordinal);
        Assert.DoesNotContain("Removing intermediate container", first.Output, StringComparison.Ordinal);
        Assert.DoesNotContain("Running in ", first.Output, StringComparison.Ordinal);
        Assert.Contains($"Next: docker run --rm --network host {Repository}:", first.Output, StringComparison.Ordinal);

        var cached = await clone.BuildShAsync([.. build, "--force", "DockerBuild"]);

        Assert.True(cached.ExitCode == 0, cached.ToString());
        Assert.Contains("nothing rebuilt, every step from cache", cached.Output, StringComparison.Ordinal);
        Assert.DoesNotMatch(@"\d+/\d+ steps cached", cached.Output);

        await File.WriteAllTextAsync(Path.Combine(PublishDirectory, "Api.txt"), "second\n");
        var verbose = await clone.BuildShAsync([.. build, "--verbosity", "verbose"]);

        Assert.True(verbose.ExitCode == 0, verbose.ToString());
        Assert.Contains("Removing intermediate container", verbose.Output, StringComparison.Ordinal);

        await using var registry = await LocalRegistry.StartAsync(new RecordingLog(), TimeProvider.System, CancellationToken.None);
        var pushed = await clone.BuildShAsync(["DockerPush", "--skip", "--registry", registry.Host]);

        Assert.True(pushed.ExitCode == 0, pushed.ToString());
        Assert.Contains("Next: ./build.sh Deploy --environment <name> deploys it", pushed.Output, StringComparison.Ordinal);
        // One unit everywhere, decimal, as the Docker CLI and registries print sizes: never MiB in one place and MB in another.
        Assert.Matches(@"layers uploaded \(\d+(\.\d)? (B|kB|MB)\)", pushed.Output);
        Assert.DoesNotMatch(@"\d (KiB|MiB|GiB)\b", first.Output + cached.Output + verbose.Output + pushed.Output);
    }
}
