using System.Net;
using System.Net.Sockets;

namespace Slipway.Catalogue.Tests;

/// <summary>
/// Issue 13, broken artifacts, pushes that cannot work and output: DockerPush alone (<c>--skip</c> its
/// dependencies, as a CI job that downloads artifacts/ does) on a hand-made artifacts/image.json.
/// </summary>
[Collection(CatalogueGroup.Name)]
[Trait(TestCategories.Name, TestCategories.Integration)]
public sealed class ArtifactAndOutputCases(CatalogueClone clone) : IDisposable
{
    private string RecordFile => Path.Combine(clone.Root, "artifacts", "image.json");

    private void WriteRecord(string json)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(RecordFile)!);
        File.WriteAllText(RecordFile, json);
    }

    private static int ClosedPort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private Task<BuildShResult> PushAloneAsync(int port) =>
        clone.BuildShAsync(["DockerPush", "--skip", "--registry", $"127.0.0.1:{port}"]);

    [Fact]
    public async Task A_malformed_image_record_is_named_with_its_line()
    {
        WriteRecord("{\n  \"repository\": \"slipway/api\",\n  \"imageId\": ");

        var run = await PushAloneAsync(ClosedPort());

        Assert.True(run.ExitCode == 1, run.ToString());
        Assert.Contains($"{RecordFile} is not a valid image record (line ", run.Output, StringComparison.Ordinal);
        Assert.DoesNotContain("JsonException", run.All, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_record_of_an_image_the_engine_no_longer_has_says_so()
    {
        var gone = "sha256:" + new string('d', 64);
        WriteRecord($$"""{ "repository": "slipway/api", "imageId": "{{gone}}", "tags": ["slipway/api:1.0.0"], "version": "1.0.0", "commit": "abc", "baseImage": "debian" }""");

        var run = await PushAloneAsync(ClosedPort());

        Assert.True(run.ExitCode == 1, run.ToString());
        Assert.Contains($"the image {gone} is not in the Docker engine (removed or pruned since it was built): build it again (DockerBuild)", run.Output, StringComparison.Ordinal);
        Assert.DoesNotMatch(@"ERROR:\s*\n", run.Output);
    }

    [Fact]
    public async Task A_push_to_a_port_that_is_no_registry_fails_in_seconds_naming_it()
    {
        // An image the engine has: the catalogue makes a tiny one of its own from nothing.
        var tag = $"slipway-catalogue/scratch:{Guid.NewGuid():N}";
        var id = await CatalogueImages.ScratchImageAsync(tag, Path.Combine(clone.Root, ".nuke", "temp"));
        try
        {
            WriteRecord($$"""{ "repository": "slipway-catalogue/scratch", "imageId": "{{id}}", "tags": ["{{tag}}"], "version": "1.0.0", "commit": "abc", "baseImage": "scratch" }""");
            var port = ClosedPort();

            var run = await PushAloneAsync(port);

            Assert.True(run.ExitCode == 1, run.ToString());
            Assert.Contains($"127.0.0.1:{port} does not answer as a registry", run.Output, StringComparison.Ordinal);
            Assert.True(run.Elapsed < TimeSpan.FromSeconds(30), $"took {run.Elapsed}");
        }
        finally
        {
            await CatalogueImages.DockerAsync(["rmi", "-f", tag]);
        }
    }

    [Fact]
    public void The_first_bootstrap_is_not_silent_while_it_compiles()
    {
        // The build project (the engine, the components, the generated AWS model) takes well over 10 s to compile
        // from nothing; on a machine fast enough to do it sooner there is no silence to fill.
        if (clone.Bootstrap.Elapsed < TimeSpan.FromSeconds(12))
        {
            return;
        }

        Assert.Contains("... still building the build project (10 s)", clone.Bootstrap.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_plan_page_needs_no_network_and_the_mermaid_text_is_still_printed()
    {
        var run = await clone.BuildShAsync(["Deploy", "--plan"]);

        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Contains("graph LR", run.Output, StringComparison.Ordinal);
        var page = await File.ReadAllTextAsync(Path.Combine(clone.Root, ".nuke", "temp", "plan.html"));
        Assert.DoesNotContain("<script", page, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("cdn.", page, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("<svg", page, StringComparison.Ordinal);
    }

    public void Dispose()
    {
        if (File.Exists(RecordFile))
        {
            File.Delete(RecordFile);
        }
    }
}
