using Slipway.Aws.Deployment.Watching;
using Slipway.Aws.Ecs.Model;
using Spectre.Console;

namespace Slipway.Components.Tests.Deployment;

public sealed class LiveDeploymentObserverTests
{
    [Fact]
    public void The_counts_are_one_line_rewritten_in_place_with_events_as_log_lines_above_it()
    {
        using var screen = new StringWriter();
        var console = AnsiConsole.Create(new AnsiConsoleSettings { Ansi = AnsiSupport.Yes, ColorSystem = ColorSystemSupport.NoColors, Out = new AnsiConsoleOutput(screen) });
        var log = new RecordingLog();

        using (var observer = new LiveDeploymentObserver(log, console))
        {
            observer.Progress(new DeploymentProgress("ecs-svc/1 PRIMARY IN_PROGRESS api:7: 0/2 running, 0 pending", [], TimeSpan.FromSeconds(5)));
            observer.Progress(new DeploymentProgress("ecs-svc/1 PRIMARY IN_PROGRESS api:7: 1/2 running, 0 pending", [], TimeSpan.FromSeconds(10)));
            observer.ServiceEvent(new ServiceEvent { Id = "1", CreatedAt = new DateTime(2026, 11, 28, 3, 0, 3, DateTimeKind.Utc), Message = "(service api) has started 1 tasks: (task a)." });
            observer.Progress(new DeploymentProgress("ecs-svc/1 PRIMARY COMPLETED api:7: 2/2 running, 0 pending", [], TimeSpan.FromSeconds(15)));
        }

        var text = screen.ToString();
        Assert.Equal(3, text.Split("\r\u001b[2K").Length); // the counts were cleared twice: before the second counts and before the event
        Assert.DoesNotContain('\n', text.TrimEnd('\n').Replace("\r\n", "", StringComparison.Ordinal));
        Assert.EndsWith("2/2 running, 0 pending (0:15)" + Environment.NewLine, text.Replace("\u001b[1m", "", StringComparison.Ordinal).Replace("\u001b[0m", "", StringComparison.Ordinal), StringComparison.Ordinal);
        Assert.Equal("[03:00:03] (service api) has started 1 tasks: (task a).", Assert.Single(log.Lines));
    }
}
