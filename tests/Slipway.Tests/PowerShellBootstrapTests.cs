using System.Diagnostics;
using Slipway.Tests.Support;

namespace Slipway.Tests;

/// <summary>
/// <c>build.ps1</c> under PowerShell 7 (the <c>PowerShell</c> dotnet tool, installed from NuGet when missing): it
/// builds once, then takes the fast path, and passes exit codes through.
/// </summary>
[Trait(TestCategories.Name, TestCategories.Integration)]
public sealed class PowerShellBootstrapTests : IDisposable
{
    private const string PowerShellVersion = "7.6.9";
    private readonly RepositoryCopy repository = new();

    private static string ToolDirectory => Path.Combine(Path.GetTempPath(), "slipway-tools", $"pwsh-{PowerShellVersion}");

    private static async Task<string> PowerShellAsync()
    {
        var pwsh = Path.Combine(ToolDirectory, "pwsh");
        if (!File.Exists(pwsh))
        {
            var install = await RunAsync("dotnet", ["tool", "install", "PowerShell", "--version", PowerShellVersion, "--tool-path", ToolDirectory], Path.GetTempPath());
            Assert.True(install.ExitCode == 0, install.Output + install.Error);
        }

        return pwsh;
    }

    private static async Task<(int ExitCode, string Output, string Error)> RunAsync(string file, string[] args, string directory)
    {
        var start = new ProcessStartInfo(file) { WorkingDirectory = directory, RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync().WaitAsync(TestTimeouts.BuildScript);
        return (process.ExitCode, await output, await error);
    }

    [Fact]
    public async Task Build_ps1_builds_once_then_runs_the_built_build_and_passes_exit_codes_through()
    {
        var pwsh = await PowerShellAsync();
        string[] script = ["-NoProfile", "-File", repository.Root / "build.ps1"];

        var first = await RunAsync(pwsh, [.. script, "--help"], repository.Root);
        Assert.Equal(0, first.ExitCode);
        Assert.Contains("Building the build project", first.Error, StringComparison.Ordinal);
        Assert.Contains("Targets (default marked with *):", first.Output, StringComparison.Ordinal);

        var second = await RunAsync(pwsh, [.. script, "--help"], repository.Root);
        Assert.Equal(0, second.ExitCode);
        Assert.DoesNotContain("Building the build project", second.Error, StringComparison.Ordinal);

        var unknown = await RunAsync(pwsh, [.. script, "Nope"], repository.Root);
        Assert.Equal(2, unknown.ExitCode);
        Assert.Contains("Target 'Nope' does not exist", unknown.Error, StringComparison.Ordinal);
    }

    public void Dispose() => repository.Dispose();
}
