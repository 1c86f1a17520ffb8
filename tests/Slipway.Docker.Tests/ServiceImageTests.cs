using System.Globalization;
using System.Net.Http.Json;
using System.Text.Json;
using Docker.DotNet.Models;
using Xunit.Abstractions;

namespace Slipway.Docker.Tests;

[Collection(RealDocker.Name)]
[Trait(TestCategories.Name, TestCategories.Integration)]
public sealed class ServiceImageTests(DockerFixture fixture, ITestOutputHelper output) : IDisposable
{
    private readonly CancellationTokenSource timeout = TestTimeouts.Start();

    [Fact]
    public async Task Service_image_answers_health_and_version_on_the_host_network_as_uid_1654()
    {
        var image = await fixture.ServiceImageAsync();
        var port = FreePort.OnLoopback();
        var container = await fixture.Engine.Client.Containers.CreateContainerAsync(new CreateContainerParameters
        {
            Image = image.Id,
            Name = $"slipway-test-{Guid.NewGuid():N}",
            Env = [$"ASPNETCORE_HTTP_PORTS={port}"],
            HostConfig = new HostConfig { NetworkMode = "host" },
        });
        try
        {
            await fixture.Engine.Client.Containers.StartContainerAsync(container.ID, new ContainerStartParameters());
            using var http = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}/"), Timeout = TimeSpan.FromSeconds(5) };
            var health = await PollAsync(http, "health", container.ID);
            Assert.Equal("Healthy", health.GetProperty("status").GetString());

            var version = await http.GetFromJsonAsync<JsonElement>("version");
            Assert.Equal(DockerFixture.Version, version.GetProperty("version").GetString());
            Assert.Equal(DockerFixture.Commit, version.GetProperty("commit").GetString());

            // The kernel's view of the service process, not just the image's USER line.
            var inspect = await fixture.Engine.Client.Containers.InspectContainerAsync(container.ID);
            var status = await File.ReadAllLinesAsync($"/proc/{inspect.State.Pid.ToString(CultureInfo.InvariantCulture)}/status");
            var uids = status.Single(l => l.StartsWith("Uid:", StringComparison.Ordinal)).Split('\t', StringSplitOptions.RemoveEmptyEntries);
            Assert.Equal("1654", uids[1]);
            Assert.Equal("1654", uids[2]);
        }
        finally
        {
            await fixture.Engine.Client.Containers.RemoveContainerAsync(container.ID, new ContainerRemoveParameters { Force = true });
        }
    }

    [Fact]
    public async Task Service_image_carries_oci_labels_and_the_version_and_commit_tags()
    {
        var image = await fixture.ServiceImageAsync();
        var inspect = await fixture.Engine.Client.Images.InspectImageAsync(image.Id);

        var labels = inspect.Config.Labels;
        Assert.Equal(DockerFixture.Version, labels[OciLabels.Version]);
        Assert.Equal(DockerFixture.Commit, labels[OciLabels.Revision]);
        Assert.Equal("2026-11-26T12:00:00Z", labels[OciLabels.Created]);
        Assert.Equal("https://example.invalid/slipway", labels[OciLabels.Source]);
        Assert.Equal("Api", labels[OciLabels.Title]);
        Assert.Equal(
            new[] { $"{fixture.LocalRepository}:{DockerFixture.Version}", $"{fixture.LocalRepository}:{DockerFixture.Commit}" }.Order(),
            inspect.RepoTags.Order());
        Assert.Equal(image.Tags, ImageTags.For(fixture.LocalRepository, DockerFixture.Version, DockerFixture.Commit));

        Assert.Equal("1654", inspect.Config.User);
        Assert.Equal(new[] { "dotnet", "Api.dll" }, inspect.Config.Entrypoint);
        Assert.Contains("ASPNETCORE_HTTP_PORTS=8080", inspect.Config.Env);
        Assert.Contains("8080/tcp", inspect.Config.ExposedPorts.Keys);
        Assert.Null(inspect.Config.Healthcheck);
    }

    [Fact]
    public async Task Rebuilding_with_nothing_changed_takes_every_step_from_the_cache_and_gives_the_same_image()
    {
        var first = await fixture.ServiceImageAsync();
        var log = new RecordingLog(output);

        var second = await fixture.BuildServiceImageAsync(fixture.LocalRepository, log, timeout.Token);

        Assert.Equal(first.Id, second.Id);
        Assert.True(second.Steps > 0);

        // The ARG before FROM and FROM itself are no cacheable steps; every other step must be a hit, the
        // created label included (it is the commit time, not the build time).
        Assert.Equal(second.Steps - 2, second.CachedSteps);
        Assert.Contains(log.Lines, l => l.StartsWith("Build context ", StringComparison.Ordinal) && l.Contains("files,", StringComparison.Ordinal));
    }

    private static async Task<JsonElement> PollAsync(HttpClient http, string path, string container)
    {
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (true)
        {
            try
            {
                return await http.GetFromJsonAsync<JsonElement>(path);
            }
            catch (HttpRequestException) when (DateTime.UtcNow < deadline)
            {
                await Task.Delay(200);
            }
            catch (HttpRequestException exception)
            {
                throw new InvalidOperationException($"container {container} never answered /{path}", exception);
            }
        }
    }

    public void Dispose() => timeout.Dispose();
}
