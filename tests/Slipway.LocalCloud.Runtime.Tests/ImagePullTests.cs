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
