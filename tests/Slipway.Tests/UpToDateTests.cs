using Slipway.Tests.Support;

namespace Slipway.Tests;

/// <summary>
/// Targets with declared inputs and outputs: skipped as UpToDate while nothing changed since their last successful
/// run, run again (with the reason) when an input changes, an output is gone, a dependency ran, or --force says so.
/// </summary>
public sealed class UpToDateTests : IDisposable
{
    private readonly TestRepository repository = new();

    private sealed class Pipeline : RecordingBuild
    {
        [Parameter("A value the Generate target depends on")]
        public string? Flavour { get; set; }

        [Parameter("A secret the Generate target depends on"), Secret]
        public string? Token { get; set; }

        public bool Fail { get; set; }

        public bool ImageExists { get; set; } = true;

        private AbsolutePath Sources => RootDirectory / "sources";

        private AbsolutePath Output => RootDirectory / "out" / "generated.txt";

        Target Generate => _ => _
            .Inputs(i => i.Directory(Sources, "bin").Files(RootDirectory / "settings.json").Value("flavour", Flavour).Value("token", Token))
            .Outputs(o => o.Files(Output))
            .Executes(() =>
            {
                Record(nameof(Generate));
                if (Fail)
                {
                    throw new InvalidOperationException("generation failed");
                }

                Output.Parent!.CreateDirectory();
                Output.WriteAllText(string.Join(",", Sources.GlobFiles("**/*").Select(f => f.Name)));
                ReportSummary("3 files generated");
            });

        Target Package => _ => _
            .DependsOn(Generate)
            .Inputs(i => i.Files(Output))
            .Outputs(o => o.Exists("the package image is in the engine", _ => Task.FromResult(ImageExists)))
            .Executes(() => Record(nameof(Package)));

        Target Announce => _ => _.DependsOn(Package).Executes(() => Record(nameof(Announce)));

        Target Unreadable => _ => _
            .Inputs(i => i.Value("settings", _ => throw new InvalidOperationException("settings.json is not valid JSON")))
            .Executes(() => Record(nameof(Unreadable)));
    }

    public UpToDateTests()
    {
        (repository.Root / "sources" / "a.txt").WriteAllText("a");
        (repository.Root / "sources" / "nested" / "b.txt").WriteAllText("b");
        (repository.Root / "settings.json").WriteAllText("{}");
    }

    private Task<BuildRun> Run(Pipeline build, params string[] args) => BuildRun.RunAsync(build, repository, args);

    private async Task<BuildRun> RunTwiceAsync(params string[] args)
    {
        await Run(new Pipeline(), args);
        var build = new Pipeline();
        var second = await Run(build, args);
        Assert.DoesNotContain(build.Ran, t => t != "Announce");
        return second;
    }

    [Fact]
    public async Task With_nothing_changed_every_declared_target_is_up_to_date_and_shows_why_and_its_last_note()
    {
        var first = new Pipeline();
        var firstRun = await Run(first, "Announce");
        var second = new Pipeline();

        var run = await Run(second, "Announce");

        Assert.Equal(["Generate", "Package", "Announce"], first.Ran);
        Assert.Matches(@"Generate\s+Succeeded", firstRun.Output);
        Assert.Equal(ExitCodes.Success, run.ExitCode);
        Assert.Equal(["Announce"], second.Ran); // declares nothing: always runs
        Assert.Matches(@"Generate\s+UpToDate\s+nothing changed since \d\d:\d\d:\d\d \(3 files generated\)", run.Output);
        Assert.Matches(@"Package\s+UpToDate\s+nothing changed since", run.Output);
        Assert.Contains("Generate is up to date: nothing changed since", run.Output, StringComparison.Ordinal);
        Assert.True((repository.Root / ".nuke" / "temp" / "fingerprints" / "Generate.json").FileExists);
    }

    [Fact]
    public async Task A_changed_source_file_runs_the_target_and_those_after_it_again()
    {
        await RunTwiceAsync("Package");
        (repository.Root / "sources" / "a.txt").WriteAllText("changed");
        var build = new Pipeline();

        var run = await Run(build, "Package");

        Assert.Equal(["Generate", "Package"], build.Ran);
        Assert.Contains("Not up to date: sources/a.txt changed", run.Output, StringComparison.Ordinal);
        Assert.Contains("Not up to date: Generate ran before it", run.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_file_added_under_an_input_directory_or_removed_from_it_runs_the_target_again()
    {
        await RunTwiceAsync("Generate");
        (repository.Root / "sources" / "nested" / "untracked.txt").WriteAllText("new");
        var afterAdding = new Pipeline();
        var added = await Run(afterAdding, "Generate");
        File.Delete(repository.Root / "sources" / "nested" / "b.txt");
        var afterRemoving = new Pipeline();

        var removed = await Run(afterRemoving, "Generate");

        Assert.Equal(["Generate"], afterAdding.Ran);
        Assert.Contains("sources/nested/untracked.txt was added", added.Output, StringComparison.Ordinal);
        Assert.Equal(["Generate"], afterRemoving.Ran);
        Assert.Contains("sources/nested/b.txt was removed", removed.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_file_in_a_skipped_directory_is_not_an_input()
    {
        await RunTwiceAsync("Generate");
        (repository.Root / "sources" / "bin" / "build-output.dll").WriteAllText("whatever");

        await RunTwiceAsync("Generate");
    }

    [Fact]
    public async Task A_file_touched_without_a_change_of_content_stays_up_to_date()
    {
        await RunTwiceAsync("Generate");
        var file = repository.Root / "sources" / "a.txt";
        File.SetLastWriteTimeUtc(file, File.GetLastWriteTimeUtc(file).AddMinutes(-5));
        File.WriteAllText(file, "b"); // same size, other content: a change
        File.SetLastWriteTimeUtc(file, new DateTime(2026, 1, 1, 0, 0, 0, DateTimeKind.Utc));
        var changed = new Pipeline();
        await Run(changed, "Generate");
        File.SetLastWriteTimeUtc(file, new DateTime(2026, 2, 2, 0, 0, 0, DateTimeKind.Utc)); // touched only
        var touched = new Pipeline();

        var run = await Run(touched, "Generate");

        Assert.Equal(["Generate"], changed.Ran);
        Assert.Empty(touched.Ran);
        Assert.Matches(@"Generate\s+UpToDate", run.Output);
    }

    [Fact]
    public async Task A_changed_parameter_runs_the_target_again_and_a_secret_is_stored_only_hashed()
    {
        await RunTwiceAsync("Generate", "--flavour", "vanilla", "--token", "s3cr3t-value");
        var build = new Pipeline();

        var run = await Run(build, "Generate", "--flavour", "chocolate", "--token", "s3cr3t-value");

        Assert.Equal(["Generate"], build.Ran);
        Assert.Contains("Not up to date: flavour changed", run.Output, StringComparison.Ordinal);
        var fingerprint = (repository.Root / ".nuke" / "temp" / "fingerprints" / "Generate.json").ReadAllText();
        Assert.DoesNotContain("s3cr3t-value", fingerprint, StringComparison.Ordinal);
        Assert.DoesNotContain("chocolate", fingerprint, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_missing_input_file_that_appears_is_a_change()
    {
        File.Delete(repository.Root / "settings.json");
        await RunTwiceAsync("Generate");
        (repository.Root / "settings.json").WriteAllText("{}");
        var build = new Pipeline();

        var run = await Run(build, "Generate");

        Assert.Equal(["Generate"], build.Ran);
        Assert.Contains("settings.json was added", run.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_failed_run_is_never_up_to_date()
    {
        await RunTwiceAsync("Generate");
        (repository.Root / "sources" / "a.txt").WriteAllText("changed");
        await Run(new Pipeline { Fail = true }, "Generate");
        var build = new Pipeline();

        var run = await Run(build, "Generate");

        Assert.Equal(["Generate"], build.Ran);
        Assert.Contains("Not up to date: no earlier successful run", run.Output, StringComparison.Ordinal);
        Assert.Matches(@"Generate\s+Succeeded", run.Output);
    }

    [Fact]
    public async Task A_deleted_or_changed_output_file_runs_the_target_again()
    {
        await RunTwiceAsync("Generate");
        File.Delete(repository.Root / "out" / "generated.txt");
        var afterDeleting = new Pipeline();
        var deleted = await Run(afterDeleting, "Generate");
        (repository.Root / "out" / "generated.txt").WriteAllText("edited by hand, longer than before");
        var afterEditing = new Pipeline();

        var edited = await Run(afterEditing, "Generate");

        Assert.Equal(["Generate"], afterDeleting.Ran);
        Assert.Contains("output out/generated.txt is missing", deleted.Output, StringComparison.Ordinal);
        Assert.Equal(["Generate"], afterEditing.Ran);
        Assert.Contains("output out/generated.txt changed", edited.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_output_outside_the_file_system_that_is_gone_runs_the_target_again()
    {
        await RunTwiceAsync("Package");
        var build = new Pipeline { ImageExists = false };

        var run = await Run(build, "Package");

        Assert.Equal(["Package"], build.Ran);
        Assert.Contains("no longer true: the package image is in the engine", run.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Force_without_names_runs_every_target_and_with_names_only_those()
    {
        await RunTwiceAsync("Package");
        var all = new Pipeline();
        var some = new Pipeline();

        var forcedAll = await Run(all, "Package", "--force");
        var forcedSome = await Run(some, "Package", "--force", "package");

        Assert.Equal(["Generate", "Package"], all.Ran);
        Assert.Contains("Not up to date: forced (--force)", forcedAll.Output, StringComparison.Ordinal);
        Assert.Equal(["Package"], some.Ran);
        Assert.Matches(@"Generate\s+UpToDate", forcedSome.Output);
        Assert.Matches(@"Package\s+Succeeded", forcedSome.Output);
    }

    [Fact]
    public async Task Force_with_an_unknown_target_is_a_usage_error()
    {
        var run = await Run(new Pipeline(), "Package", "--force", "Pakage");

        Assert.Equal(ExitCodes.UsageError, run.ExitCode);
        Assert.Contains("--force 'Pakage' does not exist. Did you mean 'Package'?", run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_plan_shows_which_targets_are_up_to_date_and_why_the_others_would_run()
    {
        await RunTwiceAsync("Announce");
        (repository.Root / "sources" / "a.txt").WriteAllText("changed");
        var build = new Pipeline();

        var plan = await Run(build, "Announce", "--plan");
        await Run(new Pipeline(), "Announce");
        var unchanged = await Run(new Pipeline(), "Announce", "--plan");

        Assert.Empty(build.Ran);
        Assert.Contains("Generate[\"Generate (runs: sources/a.txt changed)\"]", plan.Output, StringComparison.Ordinal);
        Assert.Contains("Package[\"Package (runs: Generate ran before it)\"]", plan.Output, StringComparison.Ordinal);
        Assert.Contains("Announce[\"Announce\"]", plan.Output, StringComparison.Ordinal);
        Assert.Matches("Generate\\[\"Generate \\(up to date: nothing changed since [0-9:]+ \\(3 files generated\\)\\)\"\\]", unchanged.Output);
        Assert.Contains("class Generate,Package uptodate", unchanged.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_fingerprint_that_cannot_be_read_runs_the_target()
    {
        var build = new Pipeline();
        await Run(build, "Generate");
        (repository.Root / ".nuke" / "temp" / "fingerprints" / "Generate.json").WriteAllText("{ not json");
        var again = new Pipeline();

        var run = await Run(again, "Generate");

        Assert.Equal(["Generate"], again.Ran);
        Assert.Contains("Not up to date: no earlier successful run", run.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_target_whose_inputs_cannot_be_read_runs_every_time_and_says_why()
    {
        await Run(new Pipeline(), "Unreadable");
        var build = new Pipeline();

        var run = await Run(build, "Unreadable");

        Assert.Equal(["Unreadable"], build.Ran);
        Assert.Contains("Not up to date: its inputs could not be read (settings.json is not valid JSON)", run.Output, StringComparison.Ordinal);
    }

    public void Dispose() => repository.Dispose();
}
