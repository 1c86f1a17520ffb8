using System.Globalization;
using Slipway.Processes;

namespace Slipway.Versioning;

/// <summary>What git says about a working directory beside its version: commit, time, origin, depth.</summary>
internal sealed record GitFacts(bool InsideWorkTree, string? Commit, DateTimeOffset? CommitTime, string? Origin, bool Shallow)
{
    public static async Task<GitFacts> ReadAsync(ProcessRunner runner, string directory, CancellationToken cancellationToken)
    {
        if (await GitAsync(runner, directory, ["rev-parse", "--is-inside-work-tree"], cancellationToken) != "true")
        {
            return new GitFacts(false, null, null, null, false);
        }

        var commit = await GitAsync(runner, directory, ["rev-parse", "--verify", "--quiet", "HEAD^{commit}"], cancellationToken);
        var time = commit is null ? null : await GitAsync(runner, directory, ["log", "-1", "--format=%cI", commit], cancellationToken);
        var origin = await GitAsync(runner, directory, ["remote", "get-url", "origin"], cancellationToken);
        var shallow = await GitAsync(runner, directory, ["rev-parse", "--is-shallow-repository"], cancellationToken) == "true";
        return new GitFacts(
            true,
            commit,
            DateTimeOffset.TryParse(time, CultureInfo.InvariantCulture, DateTimeStyles.None, out var parsed) ? parsed : null,
            origin,
            shallow);
    }

    private static async Task<string?> GitAsync(ProcessRunner runner, string directory, string[] arguments, CancellationToken cancellationToken)
    {
        try
        {
            var result = await runner.RunAsync(
                new ProcessSpec("git", arguments) { WorkingDirectory = directory, LogOutput = false, ThrowOnFailure = false },
                cancellationToken);
            return result.ExitCode == 0 ? result.StandardOutput.Trim() : null;
        }
        catch (ProcessException)
        {
            return null; // git is not installed: the same as outside git, and the version says so.
        }
    }
}
