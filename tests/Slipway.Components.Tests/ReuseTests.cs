namespace Slipway.Components.Tests;

/// <summary>
/// The components are not tied to this repository: a second, minimal build class composed from them builds,
/// tests and publishes another repository.
/// </summary>
[Trait(TestCategories.Name, TestCategories.Integration)]
public sealed class ReuseTests : IDisposable
{
    private readonly MinimalRepository repository = new();

    /// <summary>All this repository's build needs to say: the project that ships. The solution is found.</summary>
    private sealed class MinimalBuild : NukeBuild, IClean, ICompile, ITest, IPublish
    {
        AbsolutePath IPublish.PublishProject => RootDirectory / "src" / "Hello" / "Hello.csproj";
    }

    [Fact]
    public async Task A_minimal_build_composed_from_the_components_compiles_tests_and_publishes_another_repository()
    {
        using var timeout = TestTimeouts.Start(TimeSpan.FromMinutes(8));

        var run = await InProcessBuild.RunAsync(new MinimalBuild(), repository.Root, ["Test", "Publish"], timeout.Token);

        Assert.True(run.ExitCode == ExitCodes.Success, run.Output + run.Error);
        Assert.Matches(@"Restore\s+Succeeded", run.Output);
        Assert.Matches(@"Compile\s+Succeeded", run.Output);
        Assert.Matches(@"Test\s+Succeeded\s+\S+\s+2 passed, 0 failed, 0 skipped", run.Output);
        // Outside git: MinVer's default version, and no commit to add to it.
        Assert.Matches(@"Publish\s+Succeeded\s+\S+\s+0\.0\.0\S* → artifacts/publish/Hello", run.Output);
        Assert.Contains("> dotnet build " + (repository.Root / "Minimal.slnx"), run.Output, StringComparison.Ordinal);
        Assert.True((repository.Root / "artifacts" / "publish" / "Hello" / "Hello.dll").FileExists);
        Assert.NotEmpty(repository.Root.GlobFiles("artifacts/test-results/*.trx"));

        // The fast inner loop, and Clean, work on the other repository too.
        var unit = await InProcessBuild.RunAsync(new MinimalBuild(), repository.Root, ["UnitTest", "--skip", "Restore", "Compile"], timeout.Token);
        var clean = await InProcessBuild.RunAsync(new MinimalBuild(), repository.Root, ["Clean"], timeout.Token);

        Assert.True(unit.ExitCode == ExitCodes.Success, unit.Output + unit.Error);
        Assert.Matches(@"UnitTest\s+Succeeded\s+\S+\s+1 passed, 0 failed, 0 skipped", unit.Output);
        Assert.Equal(ExitCodes.Success, clean.ExitCode);
        Assert.False((repository.Root / "artifacts").DirectoryExists);
        Assert.False((repository.Root / "src" / "Hello" / "bin").DirectoryExists);
        Assert.False((repository.Root / "tests" / "Hello.Tests" / "obj").DirectoryExists);
    }

    public void Dispose() => repository.Dispose();
}
