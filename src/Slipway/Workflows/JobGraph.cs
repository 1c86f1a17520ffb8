using Slipway.Workflows.Model;

namespace Slipway.Workflows;

/// <summary>The jobs of one workflow as a graph: every need exists, no cycle, and every downloaded artifact is
/// uploaded by a job that runs before.</summary>
internal static class JobGraph
{
    public static void Check(string workflow, IReadOnlyList<WorkflowJob> jobs, DeclarationProblems problems)
    {
        var byId = new Dictionary<string, WorkflowJob>(StringComparer.Ordinal);
        foreach (var job in jobs)
        {
            if (!byId.TryAdd(job.Id, job))
            {
                problems.Error($"[GitHubActions(\"{workflow}\")]", $"job '{job.Id}' is declared twice.");
            }
        }

        foreach (var job in jobs)
        {
            var where = $"job '{job.Id}' of workflow '{workflow}'";
            foreach (var need in job.Needs.Where(n => !byId.ContainsKey(n)))
            {
                var close = Text.ClosestMatch.Find(need, byId.Keys);
                problems.Error(where, $"needs '{need}', which is not a job of the workflow.{(close is null ? string.Empty : $" Did you mean '{close}'?")}");
            }

            var before = Upstream(job, byId, problems, where);
            foreach (var download in job.Downloads)
            {
                if (!before.Any(j => j.Uploads.Any(u => u.Name == download.Name)))
                {
                    problems.Error(where, $"downloads artifact '{download.Name}', which no job it needs uploads: add that job to Needs, or upload the artifact there.");
                }
            }
        }
    }

    /// <summary>The jobs that finish before <paramref name="job"/> starts (its needs, transitively).</summary>
    private static List<WorkflowJob> Upstream(WorkflowJob job, Dictionary<string, WorkflowJob> byId, DeclarationProblems problems, string where)
    {
        var found = new List<WorkflowJob>();
        var pending = new Stack<string>(job.Needs);
        while (pending.TryPop(out var id))
        {
            if (id == job.Id)
            {
                problems.Error(where, "its needs lead back to itself (a cycle).");
                break;
            }

            if (byId.TryGetValue(id, out var upstream) && !found.Contains(upstream))
            {
                found.Add(upstream);
                foreach (var need in upstream.Needs)
                {
                    pending.Push(need);
                }
            }
        }

        return found;
    }
}
