using System.Globalization;
using Slipway.Aws.Deployment.Watching;
using Slipway.Aws.Ecs.Model;
using Spectre.Console;

namespace Slipway.Components;

/// <summary>
/// The watcher on a terminal: each new service event as a log line, and the deployment's counts on one line below
/// them that is rewritten in place (Spectre.Console writes it, and knows whether the terminal can). The last counts
/// stay on screen when the wait ends. CI logs get <see cref="LogDeploymentObserver"/>'s plain lines instead.
/// </summary>
internal sealed class LiveDeploymentObserver(ILog log, IAnsiConsole console) : IDeploymentObserver, IDisposable
{
    private const string ClearLine = "\r\u001b[2K";
    private bool countsShown;

    public void ServiceEvent(ServiceEvent serviceEvent)
    {
        HideCounts();
        log.Information($"[{serviceEvent.CreatedAt?.ToString("HH:mm:ss", CultureInfo.InvariantCulture)}] {serviceEvent.Message}");
    }

    public void Progress(DeploymentProgress progress)
    {
        HideCounts();
        console.Markup($"[bold]{Markup.Escape(progress.ToString())}[/]");
        countsShown = true;
    }

    public void Note(string message)
    {
        HideCounts();
        log.Warning(message);
    }

    /// <summary>Ends the counts line, so that what follows starts on a line of its own.</summary>
    public void Dispose()
    {
        if (countsShown)
        {
            console.WriteLine();
            countsShown = false;
        }
    }

    private void HideCounts()
    {
        if (countsShown)
        {
            console.Write(new ControlCode(ClearLine));
            countsShown = false;
        }
    }
}
