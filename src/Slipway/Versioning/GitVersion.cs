using System.Globalization;
using System.Text.RegularExpressions;
using Slipway.Processes;

namespace Slipway.Versioning;

/// <summary>
/// Computes the version from git the way MinVer does: on a <c>v1.2.3</c> tag the version is 1.2.3; N commits
/// later it is 1.2.4-alpha.0.N (a pre-release tag keeps its label: 1.3.0-rc.1.N); with no tag,
/// 0.0.0-alpha.0.N; without git or a repository, 0.0.0-local.
/// </summary>
public static partial class GitVersion
{
    public static async Task<BuildVersion> ComputeAsync(ProcessRunner runner, string repository, CancellationToken cancellationToken = default)
    {
        var commit = await GitAsync(runner, repository, ["rev-parse", "HEAD"], cancellationToken);
        if (commit is null)
        {
            return new BuildVersion("0.0.0-local", BuildVersion.UnknownCommit);
        }

        var described = await GitAsync(runner, repository, ["describe", "--tags", "--long", "--match", "v[0-9]*", "--abbrev=12"], cancellationToken);
        if (described is null || !TryFromDescription(described, out var version))
        {
            var height = await GitAsync(runner, repository, ["rev-list", "--count", "HEAD"], cancellationToken) ?? "0";
            version = $"0.0.0-alpha.0.{height}";
        }

        var time = await GitAsync(runner, repository, ["log", "-1", "--format=%cI"], cancellationToken);
        var remote = await GitAsync(runner, repository, ["remote", "get-url", "origin"], cancellationToken);
        return new BuildVersion(version, commit)
        {
            CommitTime = DateTimeOffset.TryParse(time, CultureInfo.InvariantCulture, DateTimeStyles.None, out var parsed) ? parsed : null,
            SourceUrl = WithoutCredentials(remote),
        };
    }

    /// <summary>Drops <c>user:token@</c> from an https remote: the URL ends up in image labels.</summary>
    public static Uri? WithoutCredentials(string? remote)
    {
        if (string.IsNullOrWhiteSpace(remote) || !Uri.TryCreate(remote.Trim(), UriKind.Absolute, out var uri) || uri.Scheme is not ("https" or "http"))
        {
            return null;
        }

        return new UriBuilder(uri) { UserName = string.Empty, Password = string.Empty }.Uri;
    }

    /// <summary>Turns <c>git describe --long</c> output (<c>v1.2.3-4-gabc</c>) into a SemVer.</summary>
    public static bool TryFromDescription(string description, out string version)
    {
        var match = Description().Match(description.Trim());
        if (!match.Success)
        {
            version = string.Empty;
            return false;
        }

        var major = int.Parse(match.Groups["major"].Value, CultureInfo.InvariantCulture);
        var minor = int.Parse(match.Groups["minor"].Value, CultureInfo.InvariantCulture);
        var patch = int.Parse(match.Groups["patch"].Value, CultureInfo.InvariantCulture);
        var pre = match.Groups["pre"].Success ? match.Groups["pre"].Value : null;
        var height = int.Parse(match.Groups["height"].Value, CultureInfo.InvariantCulture);
        version = (height, pre) switch
        {
            (0, null) => $"{major}.{minor}.{patch}",
            (0, _) => $"{major}.{minor}.{patch}-{pre}",
            (_, null) => $"{major}.{minor}.{patch + 1}-alpha.0.{height}",
            _ => $"{major}.{minor}.{patch}-{pre}.{height}",
        };
        return true;
    }

    private static async Task<string?> GitAsync(ProcessRunner runner, string repository, string[] arguments, CancellationToken cancellationToken)
    {
        try
        {
            var result = await runner.RunAsync(
                new ProcessSpec("git", arguments) { WorkingDirectory = repository, LogOutput = false, ThrowOnFailure = false },
                cancellationToken);
            return result.ExitCode == 0 ? result.StandardOutput.Trim() : null;
        }
        catch (ProcessException)
        {
            return null; // git is not installed: the version says so (0.0.0-local) instead of failing the build.
        }
    }

    [GeneratedRegex(@"^v(?<major>\d+)\.(?<minor>\d+)\.(?<patch>\d+)(?:-(?<pre>[0-9A-Za-z.-]+?))?-(?<height>\d+)-g[0-9a-f]+$")]
    private static partial Regex Description();
}
