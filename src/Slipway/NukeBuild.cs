using System.Linq.Expressions;
using System.Runtime.InteropServices;
using Slipway.Execution;
using Slipway.Output;
using Slipway.Processes;
using Slipway.Targets;
using Slipway.Tools;

namespace Slipway;

/// <summary>
/// The base of a build class. <c>Main</c> is <c>=&gt; Execute&lt;Build&gt;(x =&gt; x.Test);</c>; targets are
/// <see cref="Target"/> properties; parameters are <c>[Parameter]</c> fields.
/// </summary>
public abstract class NukeBuild : INukeBuild
{
    private BuildSession? session;

    /// <summary>True on CI (CI, GITHUB_ACTIONS or TF_BUILD set to true); usable in field initializers.</summary>
    public static bool IsServerBuild => CiHost.From(EnvironmentVariables.Current()).IsServerBuild;

    public static bool IsLocalBuild => !IsServerBuild;

    public AbsolutePath RootDirectory => Session.RootDirectory;

    public AbsolutePath TemporaryDirectory => RootDirectory / ".nuke" / "temp";

    public ILog Log => Session.Log;

    public ProcessRunner Processes => Session.Processes;

    public TimeProvider TimeProvider => Session.Time;

    public DotNetTasks DotNet => Session.DotNet;

    public IStepSummary StepSummary => Session.StepSummary;

    public string Actor => Session.Actor;

    public CancellationToken CancellationToken => Session.TargetToken;

    public IReadOnlySet<string> ScheduledTargets => Session.ScheduledTargets;

    internal BuildSession Session
    {
        get => session ?? throw new InvalidOperationException("The build has not started: use NukeBuild.Execute<T>() in Main.");
        set => session = value;
    }

    /// <summary>Runs the build with the process's arguments; returns the exit code (0, 1, 2 or 130).</summary>
    protected static int Execute<T>(params Expression<Func<T, Target>>[] defaultTargets)
        where T : NukeBuild, new()
    {
        using var abort = new CancellationTokenSource();
        var reason = new AbortReason();
        // Ctrl+C and SIGTERM abort the running target instead of killing the process, so the summary and
        // assured targets still happen.
        using var interrupt = PosixSignalRegistration.Create(PosixSignal.SIGINT, Cancel);
        using var terminate = PosixSignalRegistration.Create(PosixSignal.SIGTERM, Cancel);
        var names = defaultTargets.Select(ExpressionText.MemberName).ToArray();
        var runner = new BuildRunner(Console.Out, Console.Error, EnvironmentVariables.Current(), TimeProvider.System) { AbortReason = reason };
        return runner.RunAsync(() => new T(), Environment.GetCommandLineArgs().Skip(1).ToArray(), names, abort.Token).GetAwaiter().GetResult();

        void Cancel(PosixSignalContext context)
        {
            context.Cancel = true;
            reason.Received(context.Signal);
            abort.Cancel();
        }
    }

    public bool IsForced(string target) => Session.Force.Covers(target);

    public void RegisterSecret(string value) => Session.Redactor.Add(value);

    public void ReportSummary(string note)
    {
        if (Session.CurrentTarget is { } target)
        {
            target.Note = note;
        }
    }

    public T? TryGetValue<T>(Expression<Func<T?>> parameter)
        where T : class =>
        Session.Values.TryGet(ExpressionText.Member(parameter), out var value) ? (T?)value : null;

    public T? TryGetValue<T>(Expression<Func<T?>> parameter)
        where T : struct =>
        Session.Values.TryGet(ExpressionText.Member(parameter), out var value) ? (T?)value : null;
}
