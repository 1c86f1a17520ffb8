namespace Slipway;

/// <summary>
/// What a target's result depends on, declared with <c>.Inputs(i =&gt; i.Directory(...).Value("configuration", ...))</c>.
/// The engine fingerprints them before the target runs; when the fingerprint equals that of its last successful
/// run (and its outputs are still there) the target is <c>UpToDate</c> and does not run.
/// </summary>
public interface ITargetInputs
{
    /// <summary>Files; one that is missing counts as missing, so its appearance is a change too.</summary>
    ITargetInputs Files(params AbsolutePath[] files);

    /// <inheritdoc cref="Files(AbsolutePath[])"/>
    ITargetInputs Files(IEnumerable<AbsolutePath> files);

    /// <summary>
    /// Every file below <paramref name="directory"/>, tracked by git or not, except inside directories with one of
    /// <paramref name="skippedDirectoryNames"/> (e.g. <c>bin</c>, <c>obj</c>): a file added, removed or changed is a change.
    /// </summary>
    ITargetInputs Directory(AbsolutePath directory, params string[] skippedDirectoryNames);

    /// <summary>A parameter value, a tool version, anything else that shapes the result; compared by its text (stored hashed: it may be a secret).</summary>
    ITargetInputs Value(string name, object? value);

    /// <summary>A value computed when the check runs (a tool's version, the version from git).</summary>
    ITargetInputs Value(string name, Func<CancellationToken, Task<string?>> value);
}
