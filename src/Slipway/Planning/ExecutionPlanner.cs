using Slipway.Targets;

namespace Slipway.Planning;

/// <summary>
/// Turns the invoked targets into an ordered plan: dependencies first, ordering constraints honoured,
/// triggered targets after their triggers, and skips decided (with a reason) before anything runs.
/// </summary>
internal static class ExecutionPlanner
{
    public static ExecutionPlan Plan(IReadOnlyList<ExecutableTarget> all, IReadOnlyList<ExecutableTarget> invoked, SkipRequest skip)
    {
        CycleDetector.ThrowIfAny(all);
        foreach (var target in invoked)
        {
            target.IsInvoked = true;
        }

        var planned = Closure(invoked);
        var ordered = Order(planned, invoked);
        ApplySkips(ordered, skip);
        return new ExecutionPlan(ordered);
    }

    private static HashSet<ExecutableTarget> Closure(IReadOnlyList<ExecutableTarget> invoked)
    {
        var planned = new HashSet<ExecutableTarget>();
        var pending = new Stack<ExecutableTarget>(invoked);
        while (pending.Count > 0)
        {
            var target = pending.Pop();
            if (!planned.Add(target))
            {
                continue;
            }

            foreach (var next in target.Dependencies.Concat(target.Triggers))
            {
                pending.Push(next);
            }
        }

        return planned;
    }

    private static List<ExecutableTarget> Order(HashSet<ExecutableTarget> planned, IReadOnlyList<ExecutableTarget> invoked)
    {
        var predecessors = CycleDetector.PredecessorMap(planned, planned);
        var ordered = new List<ExecutableTarget>();
        var visited = new HashSet<ExecutableTarget>();
        void Visit(ExecutableTarget target)
        {
            if (!visited.Add(target))
            {
                return;
            }

            foreach (var before in predecessors[target])
            {
                Visit(before);
            }

            ordered.Add(target);
        }

        foreach (var target in invoked.Concat(planned.OrderBy(t => t.DeclarationOrder)))
        {
            Visit(target);
        }

        return ordered;
    }

    private static void ApplySkips(List<ExecutableTarget> ordered, SkipRequest skip)
    {
        var named = new HashSet<string>(skip.Names, StringComparer.OrdinalIgnoreCase);
        var conditionSkipped = new HashSet<ExecutableTarget>();
        foreach (var target in ordered)
        {
            if (skip.SkipAllNotInvoked && !target.IsInvoked)
            {
                MarkSkipped(target, "--skip: not invoked");
            }
            else if (named.Contains(target.Name))
            {
                MarkSkipped(target, $"--skip {target.Name}");
            }
            else if (target.Definition.StaticConditions.FirstOrDefault(c => !c.Evaluate()) is { } failed)
            {
                MarkSkipped(target, $"OnlyWhenStatic({failed.Text}) was false");
                conditionSkipped.Add(target);
            }
        }

        SkipWhatOnlySkippedTargetsNeed(ordered, conditionSkipped);
    }

    /// <summary>
    /// A target skipped by a static condition takes along the dependencies (and triggered targets) that nothing
    /// else planned still needs, so a skipped Deploy does not leave a lone Compile running. Invoked targets stay,
    /// and <c>--skip</c> skips only what it names.
    /// </summary>
    private static void SkipWhatOnlySkippedTargetsNeed(List<ExecutableTarget> ordered, HashSet<ExecutableTarget> conditionSkipped)
    {
        bool changed;
        do
        {
            changed = false;
            foreach (var target in ordered.Where(t => !t.IsInvoked && t.Status == TargetStatus.NotRun))
            {
                var needers = ordered.Where(t => t.Dependencies.Contains(target) || t.Triggers.Contains(target)).ToList();
                if (needers.Count > 0 && needers.All(conditionSkipped.Contains))
                {
                    MarkSkipped(target, $"only needed by skipped {string.Join(", ", needers.Select(n => n.Name))}");
                    conditionSkipped.Add(target);
                    changed = true;
                }
            }
        }
        while (changed);
    }

    private static void MarkSkipped(ExecutableTarget target, string reason)
    {
        target.Status = TargetStatus.Skipped;
        target.Note = reason;
    }
}
