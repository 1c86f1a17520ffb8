using Docker.DotNet.Models;

namespace Slipway.LocalCloud.Runtime.Tests;

[Collection(RealEngine.Name)]
public sealed class ImagePullTests(RuntimeFixture fixture)
{
    [Fact]
    public async Task A_missing_image_is_pulled_from_the_local_registry()
    {
        var runtime = fixture.NewRuntime();
        var launch = RuntimeFixture.Launch(null, fixture.Shell("app", "exit 6", fixture.RegistryImage));

        await runtime.StartAsync(launch, CancellationToken.None);
        var stopped = await RuntimeFixture.WaitUntilAsync(runtime, launch.TaskId, o => o.Containers.All(c => c.LastStatus == "STOPPED"), TimeSpan.FromSeconds(30));

        Assert.Equal(6, Assert.Single(stopped.Containers).ExitCode);
        await runtime.StopAsync(launch.TaskId, TimeSpan.FromSeconds(1), CancellationToken.None);
    }

    [Fact]
    public async Task An_image_pinned_by_digest_is_pulled_from_the_local_registry()
    {
        // An image of its own: pulling by digest must find it nowhere on the engine.
        var tag = Guid.NewGuid().ToString("N")[..12];
        var repository = $"{fixture.Registry.Host}/slipway-runtime-test/pinned";
        await BusyboxImage.CreateAsync(fixture.Engine, repository, tag, CancellationToken.None, marker: tag);
        await fixture.Engine.Client.Images.PushImageAsync($"{repository}:{tag}", new ImagePushParameters { Tag = tag }, new AuthConfig(), new Progress<JSONMessage>(), CancellationToken.None);
        var pushed = await fixture.Engine.Client.Images.InspectImageAsync($"{repository}:{tag}");
        var pinned = Assert.Single(pushed.RepoDigests, d => d.StartsWith(repository + "@sha256:", StringComparison.Ordinal));
        await fixture.Engine.Client.Images.DeleteImageAsync(pushed.ID, new ImageDeleteParameters { Force = true });
        var runtime = fixture.NewRuntime();
        var launch = RuntimeFixture.Launch(null, fixture.Shell("app", "test \"$(cat /marker)\" = \"$MARKER\" && exit 8; exit 1", pinned));
        launch.Definition.ContainerDefinitions![0].Environment = [new Slipway.Aws.Ecs.Model.KeyValuePair { Name = "MARKER", Value = tag }];

        try
        {
            await runtime.StartAsync(launch, CancellationToken.None);
            var stopped = await RuntimeFixture.WaitUntilAsync(runtime, launch.TaskId, o => o.Containers.All(c => c.LastStatus == "STOPPED"), TimeSpan.FromSeconds(30));

            Assert.Equal(8, Assert.Single(stopped.Containers).ExitCode);
        }
        finally
        {
            await runtime.StopAsync(launch.TaskId, TimeSpan.FromSeconds(1), CancellationToken.None);
            await fixture.Engine.Client.Images.DeleteImageAsync(pinned, new ImageDeleteParameters { Force = true });
        }
    }

    [Fact]
    public async Task An_image_the_registry_does_not_have_fails_as_CannotPullContainerError()
    {
        var runtime = fixture.NewRuntime();
        var missing = $"{fixture.Registry.Host}/slipway-runtime-test/absent:nope";
        var launch = RuntimeFixture.Launch(null, fixture.Shell("app", "exit 0", missing));

        var failure = await Assert.ThrowsAsync<TaskStartException>(() => runtime.StartAsync(launch, CancellationToken.None));

        Assert.StartsWith("CannotPullContainerError: ", failure.StoppedReason, StringComparison.Ordinal);
        Assert.Contains("slipway-runtime-test/absent", failure.StoppedReason, StringComparison.Ordinal);
        Assert.DoesNotContain(launch.TaskId, await runtime.ListTaskIdsAsync(CancellationToken.None));
    }
}
