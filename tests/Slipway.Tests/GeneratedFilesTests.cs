using Slipway.Tests.Support;

namespace Slipway.Tests;

public sealed class GeneratedFilesTests : IDisposable
{
    private readonly TestRepository repository = new();

    private interface IWorkflows : INukeBuild
    {
        IEnumerable<GeneratedFile> Workflows =>
        [
            new(".github/workflows/ci.yml", () => "name: ci\r\n"),
            new(".github/workflows/deploy.yml", () => "name: deploy"),
        ];
    }

    private sealed class Build : NukeBuild, IWorkflows
    {
        [Parameter("Some parameter")]
        public string? Flavor { get; set; }

        GeneratedFile Notes => new("docs/notes.md", () => "generated notes");

        Target Noop => _ => _.Executes(() => { });
    }

    private string Read(string relative) => (repository.Root / relative).ReadAllText();

    [Fact]
    public async Task Every_run_writes_the_generated_files_of_the_build_its_components_and_the_engine()
    {
        await BuildRun.RunAsync(new Build(), repository, ["Noop"]);

        Assert.Equal("name: ci\n", Read(".github/workflows/ci.yml"));
        Assert.Equal("name: deploy\n", Read(".github/workflows/deploy.yml"));
        Assert.Equal("generated notes\n", Read("docs/notes.md"));
        Assert.Contains("\"Flavor\"", Read(".nuke/build.schema.json"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Check_passes_when_every_file_is_as_generated()
    {
        await BuildRun.RunAsync(new Build(), repository, ["--help"]);

        var check = await BuildRun.RunAsync(new Build(), repository, ["--check-generated"]);

        Assert.Equal(ExitCodes.Success, check.ExitCode);
        Assert.Contains("All 4 generated files are up to date.", check.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Check_names_stale_and_missing_files_fails_and_writes_nothing()
    {
        await BuildRun.RunAsync(new Build(), repository, ["--help"]);
        (repository.Root / "docs" / "notes.md").WriteAllText("edited by hand\n");
        File.Delete(repository.Root / ".github" / "workflows" / "deploy.yml");

        var check = await BuildRun.RunAsync(new Build(), repository, ["--check-generated"]);

        Assert.Equal(ExitCodes.TargetFailed, check.ExitCode);
        Assert.Contains("Generated files differ from what the build generates: docs/notes.md (stale), .github/workflows/deploy.yml (missing).", check.Output, StringComparison.Ordinal);
        Assert.Contains("Run ./build.sh --help", check.Output, StringComparison.Ordinal);
        Assert.Equal("edited by hand\n", Read("docs/notes.md"));
        Assert.False((repository.Root / ".github" / "workflows" / "deploy.yml").FileExists);
    }

    [Fact]
    public async Task A_schema_that_lags_behind_the_parameters_is_stale()
    {
        repository.WriteParameters("build.schema.json", "{}\n");

        var check = await BuildRun.RunAsync(new Build(), repository, ["--check-generated"]);

        Assert.Equal(ExitCodes.TargetFailed, check.ExitCode);
        Assert.Contains(".nuke/build.schema.json (stale)", check.Output, StringComparison.Ordinal);
    }

    public void Dispose() => repository.Dispose();
}
