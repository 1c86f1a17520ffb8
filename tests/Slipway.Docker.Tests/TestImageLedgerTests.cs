using System.Diagnostics;
using System.Globalization;
using Docker.DotNet;
using Docker.DotNet.Models;

namespace Slipway.Docker.Tests;

/// <summary>What an interrupted run of these tests left in the engine is removed by the next one, and only that.</summary>
[Collection(RealDocker.Name)]
[Trait(TestCategories.Name, TestCategories.Integration)]
public sealed class TestImageLedgerTests(DockerFixture fixture) : IDisposable
{
    private readonly CancellationTokenSource timeout = TestTimeouts.Start();
    private readonly string directory = OwnedTemporaryDirectory.Create("slipway-ledger-test-");

    [Fact]
    public async Task The_images_of_a_run_whose_process_is_gone_are_removed_and_a_live_runs_are_kept()
    {
        var interrupted = await TagBaseImageAsync("interrupted");
        var running = await TagBaseImageAsync("running");
        fixture.RemoveAfterwards([interrupted, running]);
        var gone = await PidOfAnEndedProcessAsync();
        new TestImageLedger(directory, gone).Add([interrupted, "slipway-test/never-made:1"]);
        new TestImageLedger(directory, 1).Add([running]); // pid 1 always runs

        var removed = await new TestImageLedger(directory, Environment.ProcessId).RemoveLeftoversAsync(fixture.Engine, timeout.Token);

        Assert.Equal([interrupted], removed);
        await Assert.ThrowsAsync<DockerImageNotFoundException>(() => fixture.Engine.Client.Images.InspectImageAsync(interrupted, timeout.Token));
        Assert.NotNull(await fixture.Engine.Client.Images.InspectImageAsync(running, timeout.Token));
        Assert.Equal(["1.txt"], Directory.GetFiles(directory).Select(Path.GetFileName));
    }

    public void Dispose()
    {
        timeout.Dispose();
        Directory.Delete(directory, recursive: true);
    }

    private async Task<string> TagBaseImageAsync(string name)
    {
        var repository = $"slipway-test/ledger-{Guid.NewGuid():N}"[..32];
        await fixture.Engine.Client.Images.TagImageAsync(fixture.BaseImage, new ImageTagParameters { RepositoryName = repository, Tag = name }, timeout.Token);
        return $"{repository}:{name}";
    }

    private async Task<int> PidOfAnEndedProcessAsync()
    {
        using var ended = Process.Start(new ProcessStartInfo("true"))!;
        await ended.WaitForExitAsync(timeout.Token);
        Assert.False(Directory.Exists($"/proc/{ended.Id.ToString(CultureInfo.InvariantCulture)}"));
        return ended.Id;
    }
}
