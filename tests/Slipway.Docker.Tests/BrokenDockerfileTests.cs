using Xunit.Abstractions;

namespace Slipway.Docker.Tests;

[Collection(RealDocker.Name)]
[Trait(TestCategories.Name, TestCategories.Integration)]
public sealed class BrokenDockerfileTests(DockerFixture fixture, ITestOutputHelper output) : IDisposable
{
    private readonly CancellationTokenSource timeout = TestTimeouts.Start();

    [Theory]
    [InlineData("RUN false", "Step 3/3 : RUN false", "returned a non-zero code: 1")]
    [InlineData("RUN exit 3", "Step 3/3 : RUN exit 3", "returned a non-zero code: 3")]
    public async Task Failing_step_fails_the_build_naming_the_step_and_the_error(string instruction, string step, string error)
    {
        var context = fixture.NewDirectory("broken");
        await File.WriteAllTextAsync(Path.Combine(context, "Dockerfile"), $"FROM {fixture.BaseImage}\nRUN echo before\n{instruction}\n");
        var tag = $"slipway-test/broken-{Guid.NewGuid():N}:1";
        fixture.RemoveAfterwards([tag]);

        var exception = await Assert.ThrowsAsync<DockerBuildException>(() => new ImageBuilder(fixture.Engine).BuildAsync(
            new ImageBuildRequest { ContextDirectory = context, Dockerfile = Path.Combine(context, "Dockerfile"), Tags = [tag], NoCache = true },
            new RecordingLog(output),
            timeout.Token));
        fixture.RemoveAfterwards([exception.LastStepImage!]);

        Assert.Equal(step, exception.Step);
        Assert.Contains(error, exception.Error, StringComparison.Ordinal);
        Assert.Contains(step, exception.Message, StringComparison.Ordinal);
        Assert.Contains(error, exception.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Unknown_instruction_fails_the_build_with_the_engine_message()
    {
        var context = fixture.NewDirectory("broken");
        await File.WriteAllTextAsync(Path.Combine(context, "Dockerfile"), $"FROM {fixture.BaseImage}\nFROBNICATE now\n");

        var exception = await Assert.ThrowsAsync<DockerBuildException>(() => new ImageBuilder(fixture.Engine).BuildAsync(
            new ImageBuildRequest { ContextDirectory = context, Dockerfile = Path.Combine(context, "Dockerfile"), Tags = [$"slipway-test/broken-{Guid.NewGuid():N}:1"] },
            new RecordingLog(output),
            timeout.Token));

        Assert.Contains("frobnicate", exception.Message, StringComparison.OrdinalIgnoreCase);
    }

    public void Dispose() => timeout.Dispose();
}
