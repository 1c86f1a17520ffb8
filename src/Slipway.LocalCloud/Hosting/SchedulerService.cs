using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Slipway.LocalCloud.Scheduling;

namespace Slipway.LocalCloud.Hosting;

/// <summary>Runs the scheduler for the life of the host; on stop it leaves the tasks running (a restart finds them).</summary>
internal sealed class SchedulerService(Scheduler scheduler, Readiness readiness, TimeProvider time, ILogger<SchedulerService> logger) : BackgroundService
{
    private static readonly TimeSpan RecoveryRetry = TimeSpan.FromSeconds(2);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        try
        {
            await RecoverThenRunAsync(stoppingToken);
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Stopping before the engine ever answered.
        }
    }

    private async Task RecoverThenRunAsync(CancellationToken stoppingToken)
    {
        // Until the engine answers the local cloud is not ready (health 503), but it stays up and keeps trying.
        while (true)
        {
            try
            {
                await scheduler.RecoverAsync(stoppingToken);
                break;
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                logger.EngineUnavailable(e.Message, RecoveryRetry.TotalSeconds);
                await Task.Delay(RecoveryRetry, time, stoppingToken);
            }
        }

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
