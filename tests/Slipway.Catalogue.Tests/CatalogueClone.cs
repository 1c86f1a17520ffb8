using System.Diagnostics;
using System.Text;

using Slipway.Processes;

namespace Slipway.Catalogue.Tests;

/// <summary>
/// One clone of this repository (the working tree's tracked and unignored files, committed into a new git
/// repository) shared by every case, bootstrapped once, so each case after the first runs <c>./build.sh</c> on its
/// fast path. A probe file adds what only the catalogue needs: a field initializer that throws when asked to,
/// and a target that waits until it is interrupted.
/// </summary>
public sealed class CatalogueClone : IAsyncLifetime
{
    public const string CrashVariable = "CATALOGUE_CRASH_WHILE_CONSTRUCTED";
    public const string ProbeFile = "build/Build.Catalogue.cs";

    public string Root { get; private set; } = string.Empty;

    /// <summary>The first run in the clone: the one that compiled the build project.</summary>
    public BuildShResult Bootstrap { get; private set; } = new(-1, "", "", TimeSpan.Zero);

    public async Task InitializeAsync()
    {
        await CatalogueImages.RemoveLeftoversAsync();
        Root = OwnedTemporaryDirectory.Create("slipway-catalogue-");
        var source = RepositoryRoot.Find();
        var files = await RunToolAsync("git", ["ls-files", "-co", "--exclude-standard", "-z"], source);
        foreach (var file in files.Split('\0', StringSplitOptions.RemoveEmptyEntries))
        {
            var from = Path.Combine(source, file);
            if (!File.Exists(from))
            {
                continue; // deleted in the working tree
            }

            var to = Path.Combine(Root, file);
            Directory.CreateDirectory(Path.GetDirectoryName(to)!);
            File.Copy(from, to);
            if (!OperatingSystem.IsWindows())
            {
                File.SetUnixFileMode(to, File.GetUnixFileMode(from));
            }
        }

        await File.WriteAllTextAsync(Path.Combine(Root, ProbeFile), $$"""
            sealed partial class Build
            {
                // What a build author writes and a missing variable breaks: it throws while the class is constructed.
                readonly string catalogueSetting = Environment.GetEnvironmentVariable("{{CrashVariable}}") is null
                    ? "unset"
                    : Environment.GetEnvironmentVariable("CATALOGUE_VARIABLE_NOBODY_SETS")!.Trim();

                Target CatalogueQuick => _ => _.Unlisted().Executes(() => Log.Information("quick ran"));

                Target CatalogueHang => _ => _.Unlisted().Executes(async ct =>
                {
                    Log.Information($"hang started ({catalogueSetting})");
                    await Task.Delay(Timeout.Infinite, ct);
                });
            }
            """);
        await RunToolAsync("git", ["init", "-q", "-b", "main"], Root);
        await RunToolAsync("git", ["-c", "user.name=catalogue", "-c", "user.email=catalogue@example.com", "add", "-A"], Root);
        await RunToolAsync("git", ["-c", "user.name=catalogue", "-c", "user.email=catalogue@example.com", "commit", "-q", "-m", "clone"], Root);

        // The one slow run: it compiles the build project; every case after it takes the fast path.
        var bootstrap = Bootstrap = await BuildShAsync(["--help"], timeout: TimeSpan.FromMinutes(10));
        if (bootstrap.ExitCode != 0)
        {
            throw new InvalidOperationException($"the catalogue clone did not bootstrap (exit {bootstrap.ExitCode}):\n{bootstrap.Output}\n{bootstrap.Error}");
        }
    }

    public Task DisposeAsync()
    {
        if (Root.Length > 0 && Directory.Exists(Root))
        {
            Directory.Delete(Root, recursive: true);
        }

        return Task.CompletedTask;
    }

    public Process StartBuildSh(IEnumerable<string> args, IReadOnlyDictionary<string, string>? environment = null)
    {
        var start = new ProcessStartInfo(Path.Combine(Root, "build.sh"))
        {
            WorkingDirectory = Root,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        // As a user runs it on a workstation: no CI markers, no parameters from the test run's environment.
        foreach (var name in start.Environment.Keys.Where(k => k is "CI" or "GITHUB_ACTIONS" or "TF_BUILD" || k.StartsWith("SLIPWAY_", StringComparison.Ordinal)).ToList())
        {
            start.Environment.Remove(name);
        }

        foreach (var (name, value) in environment ?? new Dictionary<string, string>())
        {
            start.Environment[name] = value;
        }

        return Process.Start(start)!;
    }

    public async Task<BuildShResult> BuildShAsync(IEnumerable<string> args, IReadOnlyDictionary<string, string>? environment = null, TimeSpan? timeout = null)
    {
        var clock = Stopwatch.StartNew();
        using var process = StartBuildSh(args, environment);
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        try
        {
            await process.WaitForExitAsync().WaitAsync(timeout ?? TimeSpan.FromMinutes(3));
        }
        catch (TimeoutException)
        {
            process.Kill(entireProcessTree: true);
            throw;
        }

        return new BuildShResult(process.ExitCode, await output, await error, clock.Elapsed);
    }

    /// <summary>Runs a tool and returns its standard output; a failure throws with its standard error unless <paramref name="failOnError"/> is off.</summary>
    internal static async Task<string> RunToolAsync(string tool, string[] args, string workingDirectory, bool failOnError = true, IReadOnlyDictionary<string, string>? environment = null)
    {
        var start = new ProcessStartInfo(tool) { WorkingDirectory = workingDirectory, RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        foreach (var (name, value) in environment ?? new Dictionary<string, string>())
        {
            start.Environment[name] = value;
        }

        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        return process.ExitCode == 0 || !failOnError
            ? await output
            : throw new InvalidOperationException($"{tool} {string.Join(' ', args)} exited {process.ExitCode}: {await error}");
    }
}

public sealed record BuildShResult(int ExitCode, string Output, string Error, TimeSpan Elapsed)
{
    public string All => Output + Error;

    public override string ToString() => new StringBuilder().Append("exit ").Append(ExitCode).Append(" after ").Append(Elapsed).AppendLine().AppendLine(Output).Append(Error).ToString();
}

[CollectionDefinition(Name)]
public sealed class CatalogueGroup : ICollectionFixture<CatalogueClone>
{
    public const string Name = "catalogue clone";
}
