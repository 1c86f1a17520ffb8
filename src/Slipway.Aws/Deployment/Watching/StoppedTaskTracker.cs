using Slipway.Aws.Ecs;
using Slipway.Aws.Ecs.Model;

namespace Slipway.Aws.Deployment.Watching;

/// <summary>
/// Reads the stopped tasks of our deployment (ListTasks STOPPED for the service, DescribeTasks for the ones not yet
/// seen, kept when <c>startedBy</c> is our deployment id) and counts them by reason. Tasks the scheduler or a user
/// stopped on purpose are not failures.
/// </summary>
internal sealed class StoppedTaskTracker(IAmazonECS ecs, string cluster, string service, Action<string> note)
{
    private readonly HashSet<string> seen = new(StringComparer.Ordinal);
    private readonly Dictionary<StoppedTaskReason, int> counts = [];

    /// <summary>A reason that has now stopped <paramref name="threshold"/> of our tasks, or null.</summary>
    public async Task<StoppedTaskReason?> RepeatedReasonAsync(string deploymentId, int threshold, CancellationToken cancellationToken)
    {
        var listed = await ecs.ListTasksAsync(new ListTasksRequest { Cluster = cluster, ServiceName = service, DesiredStatus = DesiredStatus.Stopped }, cancellationToken);
        var fresh = (listed.TaskArns ?? []).Where(seen.Add).ToList();
        foreach (var batch in fresh.Chunk(100))
        {
            var described = await ecs.DescribeTasksAsync(new DescribeTasksRequest { Cluster = cluster, Tasks = batch }, cancellationToken);
            foreach (var task in described.Tasks ?? [])
            {
                if (task.StartedBy != deploymentId || task.LastStatus != DesiredStatus.Stopped && task.DesiredStatus != DesiredStatus.Stopped
                    || task.StopCode is TaskStopCode.ServiceSchedulerInitiated or TaskStopCode.UserInitiated)
                {
                    continue;
                }

                var reason = StoppedTaskReason.Of(task);
                counts[reason] = counts.GetValueOrDefault(reason) + 1;
                note($"task {task.TaskArn?.Split('/')[^1]} of our deployment stopped: {reason}");
            }
        }

        return counts.FirstOrDefault(c => c.Value >= threshold).Key;
    }
}
