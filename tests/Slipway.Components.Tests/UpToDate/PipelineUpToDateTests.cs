using System.Text.RegularExpressions;

namespace Slipway.Components.Tests.UpToDate;

/// <summary>
/// The .NET targets' declared inputs, through the real engine on another repository: with nothing changed every
/// target is UpToDate; each kind of input (a source file, an untracked file, a parameter, a package version, the
/// SDK's global.json, a git tag that changes the version) runs the targets that read it and those after them; a
/// deleted output runs its target; a failed run is never up to date; --force runs what it names.
/// </summary>
[Trait(TestCategories.Name, TestCategories.Integration)]
public sealed class PipelineUpToDateTests : IDisposable
{
    private static readonly string[] Pipeline = ["Test", "Publish"];

    private readonly MinimalRepository repository = new();

    private sealed class MinimalBuild : NukeBuild, ICompile, ITest, IPublish
    {
        AbsolutePath IPublish.PublishProject => RootDirectory / "src" / "Hello" / "Hello.csproj";
    }

    [Fact]
    public async Task Each_kind_of_input_runs_the_targets_that_read_it_again_and_nothing_changed_runs_nothing()
    {
        using var timeout = TestTimeouts.Start(TimeSpan.FromMinutes(20));
        var ct = timeout.Token;
        (repository.Root / ".gitignore").WriteAllText("bin/\nobj/\nartifacts/\n.nuke/temp/\n");
        await GitAsync(ct, "init", "-q");
        await GitAsync(ct, "add", "-A");
        await GitAsync(ct, "-c", "user.name=test", "-c", "user.email=test@localhost", "commit", "-qm", "initial");

        var first = await RunAsync(ct);
        Expect(first, ("Restore", "Succeeded"), ("Compile", "Succeeded"), ("Test", "Succeeded"), ("Publish", "Succeeded"));

        var unchanged = await RunAsync(ct);
        Expect(unchanged, ("Restore", "UpToDate"), ("Compile", "UpToDate"), ("Test", "UpToDate"), ("Publish", "UpToDate"));
        Assert.Matches(@"Test\s+UpToDate\s+nothing changed since \S+ \(2 passed, 0 failed, 0 skipped\)", unchanged.Output);

        // A tracked source file.
        Append(repository.Root / "src" / "Hello" / "Program.cs", "public static class Farewell { public static string To(string name) => $\"Bye, {name}!\"; }");
        var source = await RunAsync(ct);
        Expect(source, ("Restore", "UpToDate"), ("Compile", "Succeeded"), ("Test", "Succeeded"), ("Publish", "Succeeded"));
        Assert.Contains("Not up to date: src/Hello/Program.cs changed", source.Output, StringComparison.Ordinal);

        // A file git does not know of, under the project: the SDK compiles it, so it is an input.
        (repository.Root / "src" / "Hello" / "Extra.cs").WriteAllText("public static class Extra { public const int Answer = 42; }");
        var untracked = await RunAsync(ct);
        Expect(untracked, ("Restore", "UpToDate"), ("Compile", "Succeeded"), ("Publish", "Succeeded"));
        Assert.Contains("src/Hello/Extra.cs was added", untracked.Output, StringComparison.Ordinal);

        // A parameter: only the target that reads it.
        var parameter = await RunAsync(ct, "--filter", "FullyQualifiedName~Greets");
        Expect(parameter, ("Restore", "UpToDate"), ("Compile", "UpToDate"), ("Test", "Succeeded"), ("Publish", "UpToDate"));
        Assert.Contains("Not up to date: --filter changed", parameter.Output, StringComparison.Ordinal);

        // A package version (an exact range that resolves offline to the cached version).
        var testProject = repository.Root / "tests" / "Hello.Tests" / "Hello.Tests.csproj";
        testProject.WriteAllText(testProject.ReadAllText().Replace("Include=\"xunit\" Version=\"2.9.3\"", "Include=\"xunit\" Version=\"[2.9.3]\"", StringComparison.Ordinal));
        var package = await RunAsync(ct);
        Expect(package, ("Restore", "Succeeded"), ("Compile", "Succeeded"), ("Test", "Succeeded"));
        Assert.Contains("Not up to date: tests/Hello.Tests/Hello.Tests.csproj changed", package.Output, StringComparison.Ordinal);

        // The SDK: global.json decides which one dotnet uses.
        var sdk = (await new Processes.ProcessRunner(new RecordingLog()).RunAsync(new Processes.ProcessSpec("dotnet", ["--version"]) { LogOutput = false }, ct)).StandardOutput.Trim();
        (repository.Root / "global.json").WriteAllText($$"""{ "sdk": { "version": "{{sdk}}", "rollForward": "latestFeature" } }""");
        var globalJson = await RunAsync(ct);
        Expect(globalJson, ("Restore", "Succeeded"), ("Compile", "Succeeded"), ("Publish", "Succeeded"));
        Assert.Contains("Not up to date: global.json was added", globalJson.Output, StringComparison.Ordinal);

        // A git tag that changes the version: what is stamped with it runs again.
        await GitAsync(ct, "tag", "v1.2.0");
        var tagged = await RunAsync(ct);
        Expect(tagged, ("Restore", "UpToDate"), ("Compile", "Succeeded"), ("Publish", "Succeeded"));
        Assert.Contains("Not up to date: version changed", tagged.Output, StringComparison.Ordinal);
        Assert.Matches(@"Publish\s+Succeeded\s+\S+\s+1\.2\.0\+", tagged.Output);

        // A deleted output: only its target.
        (repository.Root / "artifacts" / "publish" / "Hello").DeleteDirectory();
        var deleted = await RunAsync(ct);
        Expect(deleted, ("Restore", "UpToDate"), ("Compile", "UpToDate"), ("Test", "UpToDate"), ("Publish", "Succeeded"));
        Assert.Contains("Not up to date: output artifacts/publish/Hello/ is missing", deleted.Output, StringComparison.Ordinal);
        Assert.True((repository.Root / "artifacts" / "publish" / "Hello" / "Hello.dll").FileExists);

        // --force with a name: that target only.
        var forced = await RunAsync(ct, "--force", "Test");
        Expect(forced, ("Restore", "UpToDate"), ("Compile", "UpToDate"), ("Test", "Succeeded"), ("Publish", "UpToDate"));

        // A failed test run is never up to date: the same failure runs again.
        var tests = repository.Root / "tests" / "Hello.Tests" / "GreetingTests.cs";
        tests.WriteAllText(tests.ReadAllText().Replace("\"Hello, Ada!\"", "\"Hi, Ada!\"", StringComparison.Ordinal));
        var failing = await RunAsync(ct);
        var failingAgain = await RunAsync(ct);
        Expect(failing, ("Compile", "Succeeded"), ("Test", "Failed"));
        Expect(failingAgain, ("Compile", "UpToDate"), ("Test", "Failed"));
        Assert.Contains("Not up to date: no earlier successful run", failingAgain.Output, StringComparison.Ordinal);
    }

    private async Task<InProcessBuild> RunAsync(CancellationToken cancellationToken, params string[] options) =>
        await InProcessBuild.RunAsync(new MinimalBuild(), repository.Root, [.. Pipeline, .. options], cancellationToken);

    private static void Expect(InProcessBuild run, params (string Target, string Status)[] expected)
    {
        foreach (var (target, status) in expected)
        {
            var row = Regex.Match(run.Output, $@"^{target}\s+(\w+)", RegexOptions.Multiline);
            Assert.True(row.Success && row.Groups[1].Value == status, $"{target}: expected {status}, got {(row.Success ? row.Groups[1].Value : "no row")}\n{run.Output}{run.Error}");
        }
    }

    private static void Append(AbsolutePath file, string text) => file.WriteAllText(file.ReadAllText() + Environment.NewLine + text + Environment.NewLine);

    private async Task GitAsync(CancellationToken cancellationToken, params string[] arguments) =>
        await new Processes.ProcessRunner(new RecordingLog()).RunAsync(new Processes.ProcessSpec("git", arguments) { WorkingDirectory = repository.Root, LogOutput = false }, cancellationToken);

    public void Dispose() => repository.Dispose();
}
