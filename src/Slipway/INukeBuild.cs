using System.Linq.Expressions;
using Slipway.Output;
using Slipway.Processes;
using Slipway.Tools;

namespace Slipway;

/// <summary>
/// What a build offers its targets and component interfaces (<c>interface ICompile : INukeBuild</c>).
/// </summary>
public interface INukeBuild
{
    /// <summary>The repository root: the nearest directory upwards that holds <c>.nuke/</c>.</summary>
    AbsolutePath RootDirectory { get; }

    /// <summary><c>.nuke/temp</c>: ignored by git, for the build's own scratch files.</summary>
    AbsolutePath TemporaryDirectory { get; }

    ILog Log { get; }

    ProcessRunner Processes { get; }

    /// <summary>The clock: every duration the engine reports, and every wait a target makes, goes through it.</summary>
    TimeProvider TimeProvider { get; }

    /// <summary>The <c>dotnet</c> CLI, run in the repository root through <see cref="Processes"/>.</summary>
    DotNetTasks DotNet { get; }

    /// <summary>The job summary on GitHub Actions (<c>$GITHUB_STEP_SUMMARY</c>), <c>.nuke/temp/summary.md</c> locally.</summary>
    IStepSummary StepSummary { get; }

    /// <summary>Who runs the build: <c>GITHUB_ACTOR</c> on CI, else git's <c>user.name &lt;user.email&gt;</c>, else the OS user.</summary>
    string Actor { get; }

    /// <summary>
    /// The names of the targets this run will execute (planned and not skipped), as NUKE's <c>ScheduledTargets</c>: a
    /// target that prepares for later ones (EnvironmentUp for EcrPush) checks their inputs before it changes anything.
    /// </summary>
    IReadOnlySet<string> ScheduledTargets { get; }

    /// <summary>Cancelled on Ctrl+C (SIGINT) or SIGTERM; pass it to every async call a target makes.</summary>
    CancellationToken CancellationToken { get; }

    /// <summary>True when <c>--force</c> names <paramref name="target"/>, or names no target (then every one is forced).</summary>
    bool IsForced(string target);

    /// <summary>Masks a value obtained at run time (a token, a password) in every later line of output.</summary>
    void RegisterSecret(string value);

    /// <summary>Sets the note shown next to the running target in the summary (e.g. test counts).</summary>
    void ReportSummary(string note);

    /// <summary>The value given to a <c>[Parameter]</c> property of a component interface, if any.</summary>
    T? TryGetValue<T>(Expression<Func<T?>> parameter)
        where T : class;

    /// <summary>The value given to a value-typed <c>[Parameter]</c> property of a component interface, if any.</summary>
    T? TryGetValue<T>(Expression<Func<T?>> parameter)
        where T : struct;
}
