using Slipway.Aws.Ecs.Model;

namespace Slipway.Aws.Deployment.Watching;

/// <summary>The counts of a rollout at one look: ours first, then the deployments being replaced.</summary>
public sealed record DeploymentProgress(string Ours, IReadOnlyList<string> Others, TimeSpan Elapsed)
{
    public override string ToString() =>
        $"{Ours}{(Others.Count > 0 ? " | " + string.Join(" | ", Others) : "")} ({(int)Elapsed.TotalMinutes}:{Elapsed.Seconds:00})";
}

/// <summary>Where the watcher reports as it waits: a live line on a terminal, plain lines in CI, a list in tests.</summary>
public interface IDeploymentObserver
{
    /// <summary>A service event that appeared since the last look (oldest first).</summary>
    void ServiceEvent(ServiceEvent serviceEvent);

    /// <summary>The counts; called on every look, whether they changed or not.</summary>
    void Progress(DeploymentProgress progress);

    /// <summary>Something worth saying that is not an event: a throttled look, a stopped task, a rollback.</summary>
    void Note(string message);
}
