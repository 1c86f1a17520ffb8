using System.Globalization;
using Slipway.Aws.Ecs.Model;
using Slipway.Output;

namespace Slipway.Aws.Deployment.Watching;

/// <summary>Plain lines for CI logs: every new event, and the counts whenever they change.</summary>
public sealed class LogDeploymentObserver(ILog log) : IDeploymentObserver
{
    private string? lastCounts;

    public void ServiceEvent(ServiceEvent serviceEvent)
    {
        ArgumentNullException.ThrowIfNull(serviceEvent);
        var at = serviceEvent.CreatedAt?.ToString("HH:mm:ss", CultureInfo.InvariantCulture) ?? "--:--:--";
        log.Information($"[{at}] {serviceEvent.Message}");
    }

    public void Progress(DeploymentProgress progress)
    {
        ArgumentNullException.ThrowIfNull(progress);
        var counts = progress.Ours + string.Concat(progress.Others.Select(o => " | " + o));
        if (counts != lastCounts)
        {
            lastCounts = counts;
            log.Information(progress.ToString());
        }
    }

    public void Note(string message) => log.Warning(message);
}
