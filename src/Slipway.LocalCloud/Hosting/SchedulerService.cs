using Microsoft.Extensions.Hosting;
using Slipway.LocalCloud.Scheduling;

namespace Slipway.LocalCloud.Hosting;

/// <summary>Runs the scheduler for the life of the host; on stop it leaves the tasks running (a restart finds them).</summary>
internal sealed class SchedulerService(Scheduler scheduler, Readiness readiness) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        await scheduler.RecoverAsync(stoppingToken);
        readiness.MarkReady();
        await scheduler.RunAsync(stoppingToken);
    }

    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        await base.StopAsync(cancellationToken);
        await scheduler.ShutdownAsync(TimeSpan.FromSeconds(5));
    }
}

/// <summary>Ready once the state is loaded and reconciled with the engine: then <c>/_slipway/health</c> answers 200.</summary>
internal sealed class Readiness
{
    private volatile bool ready;

    public bool IsReady => ready;

    public void MarkReady() => ready = true;
}
