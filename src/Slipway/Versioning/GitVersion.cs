using Slipway.Output;
using Slipway.Processes;

namespace Slipway.Versioning;

/// <summary>
/// The version of a build, computed by MinVer itself (<c>minver-cli</c>, a local dotnet tool) with the options of
/// <c>.config/minver.props</c>, the file the service's project imports for the MinVer package: so the build and
/// a plain <c>dotnet publish</c> agree. On top of MinVer: the commit, its time, the credential-free origin, and
/// warnings when the version cannot be trusted (outside git, no commit yet, a shallow clone).
/// </summary>
public static class GitVersion
{
    /// <summary>The version of <paramref name="repository"/>, with the minver-cli of its own tool manifest.</summary>
    public static Task<BuildVersion> ComputeAsync(ProcessRunner runner, AbsolutePath repository, CancellationToken cancellationToken = default) =>
        ComputeAsync(runner, repository, new MinVerTasks(runner, repository), MinVerSettings.Load(repository), MinVerCache.For(repository), cancellationToken);

    /// <summary>As <see cref="ComputeAsync(ProcessRunner, AbsolutePath, CancellationToken)"/>, writing its warnings to <paramref name="log"/>.</summary>
    public static async Task<BuildVersion> ComputeAsync(ProcessRunner runner, AbsolutePath repository, ILog log, CancellationToken cancellationToken = default)
    {
        var version = await ComputeAsync(runner, repository, cancellationToken);
        foreach (var warning in version.Warnings)
        {
            log.Warning(warning);
        }

        return version;
    }

    /// <summary>The version of <paramref name="repository"/> with a given minver-cli and options.</summary>
    public static async Task<BuildVersion> ComputeAsync(
        ProcessRunner runner, AbsolutePath repository, MinVerTasks minVer, MinVerSettings settings, CancellationToken cancellationToken = default) =>
        await ComputeAsync(runner, repository, minVer, settings, cache: null, cancellationToken);

    private static async Task<BuildVersion> ComputeAsync(
        ProcessRunner runner, AbsolutePath repository, MinVerTasks minVer, MinVerSettings settings, MinVerCache? cache, CancellationToken cancellationToken)
    {
        var git = await GitFacts.ReadAsync(runner, repository, cancellationToken);
        var key = cache is null ? null : await MinVerCache.KeyAsync(runner, repository, git, settings, cancellationToken);
        var computed = key is not null ? cache!.Find(key) : null;
        if (computed is null)
        {
            computed = await minVer.GetVersionAsync(repository, settings, cancellationToken);
            if (key is not null)
            {
                cache!.Store(key, computed);
            }
        }

        var semVer = computed.Version;
        var warnings = new List<string>();
        if (!git.InsideWorkTree)
        {
            warnings.Add($"Outside git: {repository} is not in a git working tree (or git is not installed), so the version is MinVer's default {semVer} and the commit is unknown. Build from a git clone to version from its tags.");
        }
        else if (git.Commit is null)
        {
            warnings.Add($"No commit yet: the repository has no commits, so the version is MinVer's default {semVer}. Commit (and tag, e.g. git tag {settings.TagPrefix}1.0.0) to version from tags.");
        }
        else
        {
            warnings.AddRange(computed.Warnings); // outside git MinVer warns too, in words the line above says better
        }

        if (git.Shallow)
        {
            warnings.Add($"Shallow clone: git sees only part of the history and of the tags, so version {semVer} may be lower than the real one (often 0.0.0-alpha.0). Fetch the whole history: in GitHub Actions give actions/checkout `fetch-depth: 0`; elsewhere run `git fetch --unshallow --tags`.");
        }

        return new BuildVersion(semVer, git.Commit ?? BuildVersion.UnknownCommit)
        {
            CommitTime = git.CommitTime,
            SourceUrl = WithoutCredentials(git.Origin),
            Warnings = warnings,
        };
    }

    /// <summary>Drops <c>user:token@</c> (and any query) from an http(s) remote: the URL ends up in image labels.</summary>
    public static Uri? WithoutCredentials(string? remote)
    {
        if (string.IsNullOrWhiteSpace(remote) || !Uri.TryCreate(remote.Trim(), UriKind.Absolute, out var uri) || uri.Scheme is not ("https" or "http"))
        {
            return null;
        }

        return new UriBuilder(uri) { UserName = string.Empty, Password = string.Empty, Query = string.Empty, Fragment = string.Empty }.Uri;
    }
}
