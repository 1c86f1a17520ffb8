using Slipway.Components.Tests.Local;
using Slipway.Docker;
using Slipway.LocalCloud.Runtime.Tests;

namespace Slipway.Components.Tests.UpToDate;

/// <summary>DockerBuild's declared inputs and output, against the machine's Docker engine.</summary>
[Collection(RealEngine.Name)]
[Trait(TestCategories.Name, TestCategories.Integration)]
public sealed class DockerBuildUpToDateTests : IAsyncLifetime, IDisposable
{
    private readonly EngineFixture fixture;
    private readonly MinimalRepository repository = new();
    private readonly string suffix = Guid.NewGuid().ToString("N")[..8];

    public DockerBuildUpToDateTests(EngineFixture fixture) => this.fixture = fixture;

    private string BaseImage => $"slipway-uptodate-test/busybox:{suffix}";

    private string ImageRepository => $"slipway-uptodate-test/hello-{suffix}";

    private sealed class ImageBuild : NukeBuild, IDockerImage
    {
        AbsolutePath IPublish.PublishProject => RootDirectory / "src" / "Hello" / "Hello.csproj";
    }

    public async Task InitializeAsync()
    {
        using var timeout = TestTimeouts.Start(TimeSpan.FromMinutes(2));
        await BusyboxImage.CreateAsync(fixture.Engine, BaseImage[..BaseImage.LastIndexOf(':')], suffix, timeout.Token);
        (repository.Root / "src" / "Hello" / "Dockerfile").WriteAllText("ARG BASE_IMAGE\nFROM ${BASE_IMAGE}\nCOPY . /app\n");
    }

    [Fact]
    public async Task The_image_is_up_to_date_until_it_is_gone_from_the_engine_or_its_dockerfile_changes()
    {
        using var timeout = TestTimeouts.Start(TimeSpan.FromMinutes(8));

        var first = await RunAsync(timeout.Token);
        var unchanged = await RunAsync(timeout.Token);
        var record = await ImageRecord.ReadAsync(repository.Root / "artifacts" / "image.json", timeout.Token);
        await fixture.Engine.Client.Images.DeleteImageAsync(record.ImageId, new global::Docker.DotNet.Models.ImageDeleteParameters { Force = true }, timeout.Token);
        var deleted = await RunAsync(timeout.Token);
        (repository.Root / "src" / "Hello" / "Dockerfile").WriteAllText("ARG BASE_IMAGE\nFROM ${BASE_IMAGE}\nCOPY . /app/\nLABEL changed=yes\n");
        var dockerfile = await RunAsync(timeout.Token);

        Assert.True(first.ExitCode == ExitCodes.Success, first.Output + first.Error);
        Has(first, @"DockerBuild\s+Succeeded");
        Has(unchanged, @"Publish\s+UpToDate");
        Has(unchanged, @"DockerBuild\s+UpToDate");
        Has(deleted, @"Publish\s+UpToDate");
        Has(deleted, @"DockerBuild\s+Succeeded");
        Has(deleted, System.Text.RegularExpressions.Regex.Escape("Not up to date: no longer true: the image artifacts/image.json names is in the Docker engine with its tags"));
        Has(dockerfile, @"DockerBuild\s+Succeeded");
        Has(dockerfile, System.Text.RegularExpressions.Regex.Escape("Not up to date: src/Hello/Dockerfile changed"));
    }

    private static void Has(InProcessBuild run, string pattern) =>
        Assert.True(System.Text.RegularExpressions.Regex.IsMatch(run.Output, pattern), $"'{pattern}' not in:\n{run.Output}{run.Error}");

    private async Task<InProcessBuild> RunAsync(CancellationToken cancellationToken) =>
        await InProcessBuild.RunAsync(new ImageBuild(), repository.Root, ["DockerBuild", "--base-image", BaseImage, "--image-repository", ImageRepository], cancellationToken);

    public async Task DisposeAsync()
    {
        var images = await fixture.Engine.Client.Images.ListImagesAsync(new global::Docker.DotNet.Models.ImagesListParameters { All = true });
        foreach (var tag in images.SelectMany(i => i.RepoTags ?? []).Where(t => t.StartsWith("slipway-uptodate-test/", StringComparison.Ordinal) && t.Contains(suffix, StringComparison.Ordinal)))
        {
            await fixture.Engine.Client.Images.DeleteImageAsync(tag, new global::Docker.DotNet.Models.ImageDeleteParameters { Force = true });
        }
    }

    public void Dispose() => repository.Dispose();
}
