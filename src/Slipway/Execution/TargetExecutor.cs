using Slipway.Output;
using Slipway.Targets;
using Slipway.UpToDate;

namespace Slipway.Execution;

/// <summary>
/// Runs a plan in order. A failure stops the targets after it unless the failed target proceeds after failure
/// (then only what depends on it stays unrun); assured targets run regardless; an abort marks the running target
/// Aborted, runs the assured targets and stops.
/// </summary>
internal sealed class TargetExecutor
{
    private readonly BuildSession session;
    private readonly CancellationToken abort;
    private readonly UpToDateChecker upToDate;

    public TargetExecutor(BuildSession session, UpToDateChecker upToDate, CancellationToken abort)
    {
        this.session = session;
        this.upToDate = upToDate;
        this.abort = abort;
    }

    public bool WasAborted { get; private set; }

    public async Task RunAsync(IReadOnlyList<ExecutableTarget> plan)
    {
        ExecutableTarget? stoppedAt = null;
        foreach (var target in plan)
        {
            if (target.Status == TargetStatus.Skipped)
            {
                session.Log.Information($"Skipping {target.Name}: {target.Note}");
                continue;
            }

            var assured = target.Definition.IsAssuredAfterFailure;
            if (!assured && (WasAborted || abort.IsCancellationRequested))
            {
                WasAborted = true;
                target.Note = "build was cancelled";
                continue;
            }

            if (!assured && stoppedAt is not null)
            {
                target.Note = $"build stopped after {stoppedAt.Name} failed";
                continue;
            }

            if (!assured && target.Dependencies.FirstOrDefault(d => d.Status is TargetStatus.Failed or TargetStatus.NotRun or TargetStatus.Aborted) is { } broken)
            {
                target.Note = $"dependency {broken.Name} {(broken.Status == TargetStatus.Failed ? "failed" : "did not run")}";
                continue;
            }

            if (target.Definition.DynamicConditions.FirstOrDefault(c => !c.Evaluate()) is { } condition)
            {
                target.Status = TargetStatus.Skipped;
                target.Note = $"OnlyWhenDynamic({condition.Text}) was false";
                session.Log.Information($"Skipping {target.Name}: {target.Note}");
                continue;
            }

            UpToDateDecision? decision = null;
            if (target.Definition.HasUpToDateCheck)
            {
                try
                {
                    decision = await upToDate.DecideAsync(target, RanDependency(target), abort);
                }
                catch (OperationCanceledException) when (abort.IsCancellationRequested)
                {
                    WasAborted = true;
                    target.Note = "build was cancelled";
                    continue;
                }

                if (decision.IsUpToDate)
                {
                    target.Status = TargetStatus.UpToDate;
                    target.Note = decision.Reason;
                    session.Log.Information($"{target.Name} is up to date: {decision.Reason}");
                    continue;
                }

                upToDate.Forget(target);
            }

            // Aborted counts from the moment Ctrl+C came, not from when a target was marked: the target that was
            // running may have caught the cancellation and returned before the abort watch saw it.
            await RunOneAsync(target, assured && (WasAborted || abort.IsCancellationRequested), decision);
            if (target.Status == TargetStatus.Failed && !target.Definition.ProceedsAfterFailure)
            {
                stoppedAt ??= target;
            }
        }
    }

    /// <summary>A dependency whose result is fingerprinted and that ran in this build: what it made is new.</summary>
    internal static ExecutableTarget? RanDependency(ExecutableTarget target) =>
        target.Dependencies.FirstOrDefault(d => d.Definition.HasUpToDateCheck && d.Status is TargetStatus.Succeeded or TargetStatus.NotRun);

    private async Task RunOneAsync(ExecutableTarget target, bool afterAbort, UpToDateDecision? decision)
    {
        // Assured targets that run after an abort get a token of their own: they exist to clean up.
        using var ownToken = afterAbort ? new CancellationTokenSource() : null;
        session.TargetToken = ownToken?.Token ?? abort;
        session.CurrentTarget = target;
        session.Log.BeginTarget(target.Name);
        var started = session.Time.GetTimestamp();
        if (decision is not null)
        {
            session.Log.Information($"Not up to date: {decision.Reason}");
        }

        try
        {
            var work = RunActionsAsync(target, session.TargetToken);
            var aborted = afterAbort ? Task.Delay(Timeout.Infinite, CancellationToken.None) : Task.Delay(Timeout.Infinite, abort);
            var finished = await Task.WhenAny(work, aborted);
            if (finished == work)
            {
                await work;
                if (abort.IsCancellationRequested && !afterAbort)
                {
                    // It returned, but cut short by the abort (its token was cancelled): not a success to record.
                    MarkAborted(target);
                    return;
                }

                target.Status = TargetStatus.Succeeded;
                Record(target, decision);
            }
            else
            {
                // Do not wait for code that ignores the token: processes it started were killed through it.
                MarkAborted(target);
                _ = work.ContinueWith(t => t.Exception, TaskScheduler.Default);
            }
        }
        catch (OperationCanceledException) when (abort.IsCancellationRequested && !afterAbort)
        {
            MarkAborted(target);
        }
#pragma warning disable CA1031 // A target's failure, whatever its type, is reported in the summary, not thrown.
        catch (Exception exception)
#pragma warning restore CA1031
        {
            target.Status = TargetStatus.Failed;
            var cause = exception is AggregateException { InnerException: { } inner } ? inner : exception;
            var message = cause.Message;
            // A target that finds its inputs unusable at run time (a bad environment file, the wrong account) is a usage error too.
            target.FailureExitCode = cause switch
            {
                TargetFailureException failure => failure.ExitCode,
                UsageException => ExitCodes.UsageError,
                _ => null,
            };
            // A tool's failure reads as the first line of its errors (the compiler's own words), not "exited with code 1".
            var first = cause is Processes.ProcessException { FirstErrorLine: { } errorLine } ? errorLine : FirstLine(message);
            target.Note = target.FailureExitCode is int code && code != ExitCodes.TargetFailed ? $"exit {code}: {first}" : first;
            session.Log.Error($"Target {target.Name} failed: {message}");
            if (session.Log.Verbosity == Verbosity.Verbose)
            {
                session.Log.Debug(exception.ToString());
            }
        }
        finally
        {
            target.Duration = session.Time.GetElapsedTime(started);
            session.CurrentTarget = null;
            session.Log.EndTarget();
        }
    }

    private void Record(ExecutableTarget target, UpToDateDecision? decision)
    {
        if (decision?.Inputs is not { } inputs)
        {
            return;
        }

        try
        {
            upToDate.Record(target, inputs);
        }
#pragma warning disable CA1031 // The target succeeded; an output that cannot be read only costs a run next time.
        catch (Exception e)
#pragma warning restore CA1031
        {
            session.Log.Warning($"{target.Name} succeeded, but its fingerprint could not be written ({e.Message}): it will run again next time.");
        }
    }

    private void MarkAborted(ExecutableTarget target)
    {
        WasAborted = true;
        target.Status = TargetStatus.Aborted;
        target.Note = session.AbortReason.Note;
        session.Log.Warning($"Target {target.Name} was aborted.");
    }

    private static async Task RunActionsAsync(ExecutableTarget target, CancellationToken cancellationToken)
    {
        // Yield first, so a synchronous action does not block the abort watch.
        await Task.Yield();
        foreach (var action in target.Definition.Actions)
        {
            await action(cancellationToken);
        }
    }

    private static string FirstLine(string text) =>
        text.Split('\n', 2)[0].Trim();
}
