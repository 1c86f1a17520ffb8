using Slipway.Targets;

namespace Slipway.Planning;

/// <summary>
/// Finds a cycle among dependencies, ordering constraints and triggers, and names it
/// (<c>A → B → C → A</c>), since a cycle makes every plan impossible.
/// </summary>
internal static class CycleDetector
{
    public static void ThrowIfAny(IReadOnlyList<ExecutableTarget> targets)
    {
        var predecessors = PredecessorMap(targets, targets);
        var state = new Dictionary<ExecutableTarget, bool>(); // false: on the stack, true: done
        var stack = new List<ExecutableTarget>();
        foreach (var target in targets)
        {
            Visit(target, predecessors, state, stack);
        }
    }

    /// <summary>For each target, what must run before it among <paramref name="among"/>.</summary>
    public static Dictionary<ExecutableTarget, List<ExecutableTarget>> PredecessorMap(
        IReadOnlyCollection<ExecutableTarget> targets, IReadOnlyCollection<ExecutableTarget> among)
    {
        var set = among.ToHashSet();
        var map = targets.ToDictionary(t => t, _ => new List<ExecutableTarget>());
        foreach (var target in targets)
        {
            map[target].AddRange(target.Dependencies.Where(set.Contains));
            map[target].AddRange(target.RunsAfter.Where(set.Contains));
            foreach (var triggered in target.Triggers.Where(map.ContainsKey))
            {
                if (set.Contains(target))
                {
                    map[triggered].Add(target);
                }
            }
        }

        foreach (var list in map.Values)
        {
            list.Sort((a, b) => a.DeclarationOrder.CompareTo(b.DeclarationOrder));
        }

        return map;
    }

    private static void Visit(
        ExecutableTarget target,
        Dictionary<ExecutableTarget, List<ExecutableTarget>> predecessors,
        Dictionary<ExecutableTarget, bool> state,
        List<ExecutableTarget> stack)
    {
        if (state.TryGetValue(target, out var done))
        {
            if (!done)
            {
                var cycle = stack.Skip(stack.IndexOf(target)).Append(target).Reverse().Select(t => t.Name);
                throw new UsageException(
                    $"The targets form a cycle: {string.Join(" → ", cycle)}. Remove one of the DependsOn/DependentFor/Before/After/Triggers/TriggeredBy links between them.");
            }

            return;
        }

        state[target] = false;
        stack.Add(target);
        foreach (var before in predecessors[target])
        {
            Visit(before, predecessors, state, stack);
        }

        stack.RemoveAt(stack.Count - 1);
        state[target] = true;
    }
}
