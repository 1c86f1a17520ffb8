using Slipway.Aws.Deployment.Watching;
using Slipway.Aws.Ecs.Model;
using Spectre.Console;
using Spectre.Console.Rendering;

namespace Slipway.Components;

/// <summary>
/// The watcher on a terminal: the service's events as they come, and the deployment's counts on one line below them
/// that updates in place (Spectre.Console's live display). CI logs get plain lines instead.
/// </summary>
internal sealed class LiveDeploymentObserver : IDeploymentObserver
{
    private readonly List<IRenderable> lines = [];
    private string counts = "waiting for ECS";
    private LiveDisplayContext? context;

    public void ServiceEvent(ServiceEvent serviceEvent)
    {
        lines.Add(new Spectre.Console.Text($"{serviceEvent.CreatedAt:HH:mm:ss} {serviceEvent.Message}"));
        Refresh();
    }

    public void Progress(DeploymentProgress progress)
    {
        counts = progress.ToString();
        Refresh();
    }

    public void Note(string message)
    {
        lines.Add(new Spectre.Console.Text(message, new Style(Color.Yellow)));
        Refresh();
    }

    /// <summary>Runs <paramref name="watch"/> with this observer drawing on <paramref name="console"/>.</summary>
    public static Task<T> RunAsync<T>(IAnsiConsole console, Func<IDeploymentObserver, Task<T>> watch)
    {
        var observer = new LiveDeploymentObserver();
        return console.Live(observer.Render()).AutoClear(false).StartAsync(async live =>
        {
            observer.context = live;
            return await watch(observer);
        });
    }

    private Rows Render() => new Rows([.. lines, new Markup($"[bold]{Markup.Escape(counts)}[/]")]);

    private void Refresh()
    {
        context?.UpdateTarget(Render());
        context?.Refresh();
    }
}
