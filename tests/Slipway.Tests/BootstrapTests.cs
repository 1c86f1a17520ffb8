using System.Diagnostics;
using System.Text;
using Slipway.Tests.Support;

namespace Slipway.Tests;

/// <summary>The real <c>./build.sh</c> on a copy of the repository: build once, then the fast path; signals.</summary>
[Trait(TestCategories.Name, TestCategories.Integration)]
public sealed class BootstrapTests : IDisposable
{
    private const string Rebuilding = "Building the build project";
    private readonly RepositoryCopy repository = new();

    public BootstrapTests()
    {
        (repository.Root / "build" / "Build.Probe.cs").WriteAllText("""
            sealed partial class Build
            {
                Target Hang => _ => _.Executes(async ct =>
                {
                    Log.Information("hang started");
                    await Task.Delay(Timeout.Infinite, ct);
                });

                Target Tidy => _ => _.AssuredAfterFailure().After(Hang).Executes(() => Log.Information("tidy ran"));
            }
            """);
    }

    private sealed record Result(int ExitCode, string Output, string Error);

    private async Task<Result> BuildSh(params string[] args)
    {
        using var process = Start(args);
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        try
        {
            await process.WaitForExitAsync().WaitAsync(TestTimeouts.BuildScript);
        }
        catch (TimeoutException)
        {
            process.Kill(entireProcessTree: true);
            throw;
        }

        return new Result(process.ExitCode, await output, await error);
    }

    private Process Start(string[] args)
    {
        var start = new ProcessStartInfo(repository.Root / "build.sh")
        {
            WorkingDirectory = repository.Root,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        start.Environment.Remove("CI");
        start.Environment.Remove("GITHUB_ACTIONS");
        return Process.Start(start)!;
    }

    [Fact]
    public async Task Builds_once_then_runs_the_built_build_directly_until_an_input_changes()
    {
        var first = await BuildSh("--help");
        Assert.Equal(0, first.ExitCode);
        Assert.Contains(Rebuilding, first.Error, StringComparison.Ordinal);
        Assert.Contains("Hang", first.Output, StringComparison.Ordinal);

        var second = await BuildSh("--help");
        Assert.Equal(0, second.ExitCode);
        Assert.DoesNotContain(Rebuilding, second.Error, StringComparison.Ordinal);

        File.AppendAllText(repository.Root / "build" / "Build.Probe.cs", "\n// changed\n");
        var third = await BuildSh("--help");
        Assert.Equal(0, third.ExitCode);
        Assert.Contains(Rebuilding, third.Error, StringComparison.Ordinal);

        var unknown = await BuildSh("Nope");
        Assert.Equal(2, unknown.ExitCode);
        Assert.Contains("Target 'Nope' does not exist", unknown.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_build_project_that_does_not_compile_fails_with_its_errors()
    {
        (repository.Root / "build" / "Broken.cs").WriteAllText("this is not C#");

        var result = await BuildSh("--help");

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("error CS", result.Error, StringComparison.Ordinal);
        Assert.Contains("the build project does not compile", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Ctrl_C_aborts_the_running_target_runs_assured_targets_prints_the_summary_and_exits_130()
    {
        using var process = Start(["Hang", "Tidy"]);
        var output = new StringBuilder();
        var started = new TaskCompletionSource();
        process.OutputDataReceived += (_, e) =>
        {
            lock (output)
            {
                output.AppendLine(e.Data);
            }

            if (e.Data?.Contains("hang started", StringComparison.Ordinal) == true)
            {
                started.TrySetResult();
            }
        };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        var first = await Task.WhenAny(started.Task, process.WaitForExitAsync()).WaitAsync(TestTimeouts.BuildScript);
        if (first != started.Task)
        {
            Assert.Fail($"the build exited ({process.ExitCode}) before its target started:\n{output}");
        }

        using (var kill = Process.Start("kill", ["-INT", process.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)]))
        {
            await kill.WaitForExitAsync();
        }

        await process.WaitForExitAsync().WaitAsync(TimeSpan.FromSeconds(30));
        Assert.Equal(130, process.ExitCode);
        var text = output.ToString();
        Assert.Contains("tidy ran", text, StringComparison.Ordinal);
        Assert.Matches(@"Hang\s+Aborted", text);
        Assert.Matches(@"Tidy\s+Succeeded", text);
        Assert.Contains("Build cancelled (exit 130)", text, StringComparison.Ordinal);
    }

    public void Dispose() => repository.Dispose();
}
