using Slipway.Components.Local;
using Slipway.LocalCloud.Runtime;

namespace Slipway.Components.Tests.Local;

public sealed class LocalCloudTasksTests
{
    [Theory]
    [InlineData("/repo/.nuke/temp/local/cloud/state")]
    [InlineData("relative/state")]
    public void The_scope_is_the_runtime_scope_of_the_same_state_directory(string stateDirectory) =>
        Assert.Equal(DockerTaskRuntime.ScopeFor(stateDirectory), LocalCloudTasks.ScopeFor(stateDirectory));

    [Fact]
    public void The_labels_are_the_runtime_labels()
    {
        Assert.Equal(RuntimeLabels.Scope, LocalCloudTasks.ScopeLabel);
        Assert.Equal(RuntimeLabels.TaskId, LocalCloudTasks.TaskIdLabel);
        Assert.Equal(RuntimeLabels.StopTimeout, LocalCloudTasks.StopTimeoutLabel);
    }
}

[Trait(TestCategories.Name, TestCategories.Integration)]
[Collection(RealEngine.Name)]
public sealed class LocalCloudTasksEngineTests(EngineFixture fixture)
{
    [Fact]
    public async Task Every_task_of_the_scope_is_stopped_and_removed_and_no_other()
    {
        using var timeout = TestTimeouts.Start();
        var engine = fixture.Engine;
        var image = $"slipway-components-test/busybox:{Guid.NewGuid():N}"[..45];
        await ImportBusyboxAsync(engine, image, timeout.Token);
        var mine = new DockerTaskRuntime(engine, $"slipway-test-{Guid.NewGuid():N}", Slipway.Output.NullLog.Instance, TimeProvider.System);
        var other = new DockerTaskRuntime(engine, $"slipway-test-{Guid.NewGuid():N}", Slipway.Output.NullLog.Instance, TimeProvider.System);
        var ours = Launch(image);
        var theirs = Launch(image);
        try
        {
            await mine.StartAsync(ours, timeout.Token);
            await other.StartAsync(theirs, timeout.Token);

            var stopped = await new LocalCloudTasks(engine, mine.Scope).StopAllAsync(timeout.Token);

            Assert.Equal([ours.TaskId], stopped);
            Assert.Empty(await mine.ListTaskIdsAsync(timeout.Token));
            Assert.Equal([theirs.TaskId], await other.ListTaskIdsAsync(timeout.Token));
        }
        finally
        {
            await other.StopAsync(theirs.TaskId, TimeSpan.FromSeconds(1), CancellationToken.None);
            await mine.StopAsync(ours.TaskId, TimeSpan.FromSeconds(1), CancellationToken.None);
            await engine.Client.Images.DeleteImageAsync(image, new global::Docker.DotNet.Models.ImageDeleteParameters { Force = true });
        }
    }

    private static TaskLaunch Launch(string image)
    {
        var id = Guid.NewGuid().ToString("N");
        var definition = new Slipway.Aws.Ecs.Model.TaskDefinition
        {
            Family = "components-test",
            ContainerDefinitions = [new Slipway.Aws.Ecs.Model.ContainerDefinition { Name = "app", Image = image, Command = ["sleep", "600"], StopTimeout = 1 }],
        };
        return new TaskLaunch(id, $"arn:aws:ecs:us-east-1:000000000000:task/test/{id}", definition, 0, new Dictionary<string, string>());
    }

    /// <summary>An image of the host's static busybox (package busybox-static), made without the internet.</summary>
    private static async Task ImportBusyboxAsync(Slipway.Docker.DockerEngine engine, string image, CancellationToken cancellationToken)
    {
        Assert.True(File.Exists("/bin/busybox"), "/bin/busybox is missing: install it with `sudo apt-get install busybox-static`");
        using var tar = new MemoryStream();
        await using (var writer = new System.Formats.Tar.TarWriter(tar, leaveOpen: true))
        {
            await writer.WriteEntryAsync("/bin/busybox", "bin/busybox", cancellationToken);
            await writer.WriteEntryAsync(new System.Formats.Tar.PaxTarEntry(System.Formats.Tar.TarEntryType.SymbolicLink, "bin/sleep") { LinkName = "busybox" }, cancellationToken);
        }

        tar.Position = 0;
        var colon = image.LastIndexOf(':');
        await engine.Client.Images.CreateImageAsync(
            new global::Docker.DotNet.Models.ImagesCreateParameters { FromSrc = "-", Repo = image[..colon], Tag = image[(colon + 1)..] },
            tar,
            null,
            new Progress<global::Docker.DotNet.Models.JSONMessage>(),
            cancellationToken);
    }
}
