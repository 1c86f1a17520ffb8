using System.Diagnostics;
using Slipway.Tests.Support;

namespace Slipway.Tests.Versioning;

/// <summary>
/// The real <c>./build.sh</c> on a copy of the repository restores the local tools (minver-cli) when their
/// manifest changed, and never for help.
/// </summary>
public sealed class BootstrapToolRestoreTests : IDisposable
{
    private const string Restoring = "Restoring local dotnet tools";
    private readonly RepositoryCopy repository = new();

    public BootstrapToolRestoreTests()
    {
        (repository.Root / ".config").CreateDirectory();
        File.Copy(RepositoryRoot.Find() + "/.config/dotnet-tools.json", repository.Root / ".config" / "dotnet-tools.json");
    }

    private AbsolutePath Stamp => repository.Root / ".nuke" / "temp" / "tools.stamp";

    private async Task<(int ExitCode, string Error)> BuildSh(params string[] args)
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
        using var process = Process.Start(start)!;
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

        await output;
        return (process.ExitCode, await error);
    }

    [Fact]
    public async Task Tools_are_restored_once_per_manifest_change_and_never_for_help()
    {
        var slowHelp = await BuildSh("--help");
        var fastHelp = await BuildSh("-h");
        Assert.Equal(0, slowHelp.ExitCode);
        Assert.Equal(0, fastHelp.ExitCode);
        Assert.DoesNotContain(Restoring, slowHelp.Error, StringComparison.Ordinal);
        Assert.DoesNotContain(Restoring, fastHelp.Error, StringComparison.Ordinal);
        Assert.False(Stamp.FileExists, "help restored the tools");

        var first = await BuildSh("--plan");
        Assert.Equal(0, first.ExitCode);
        Assert.Contains(Restoring, first.Error, StringComparison.Ordinal);
        Assert.True(Stamp.FileExists);

        var second = await BuildSh("--plan");
        Assert.Equal(0, second.ExitCode);
        Assert.DoesNotContain(Restoring, second.Error, StringComparison.Ordinal);

        var manifest = repository.Root / ".config" / "dotnet-tools.json";
        manifest.WriteAllText(manifest.ReadAllText() + "\n");
        var changed = await BuildSh("--plan");
        Assert.Equal(0, changed.ExitCode);
        Assert.Contains(Restoring, changed.Error, StringComparison.Ordinal);
    }

    public void Dispose() => repository.Dispose();
}
