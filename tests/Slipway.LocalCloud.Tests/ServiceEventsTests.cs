using Slipway.LocalCloud.Scheduling;
using Slipway.LocalCloud.State;

namespace Slipway.LocalCloud.Tests;

/// <summary>Service events as ECS keeps them: newest first, the latest 100, a repeat of the newest held back for 6 hours; and their wording.</summary>
public sealed class ServiceEventsTests
{
    private static readonly DateTime Start = new(2026, 11, 28, 8, 0, 0, DateTimeKind.Utc);

    [Fact]
    public void Events_are_kept_newest_first_with_their_time_and_an_id_each()
    {
        var service = new ServiceRecord();

        ServiceEvents.Add(service, "first", Start);
        ServiceEvents.Add(service, "second", Start.AddSeconds(1));

        Assert.Equal(["second", "first"], service.Events.Select(e => e.Message));
        Assert.Equal([Start.AddSeconds(1), Start], service.Events.Select(e => e.CreatedAt!.Value));
        Assert.All(service.Events, e => Assert.True(Guid.TryParseExact(e.Id, "D", out _)));
        Assert.NotEqual(service.Events[0].Id, service.Events[1].Id);
    }

    [Fact]
    public void A_repeat_of_the_newest_event_is_held_back_for_six_hours()
    {
        var service = new ServiceRecord();
        ServiceEvents.Add(service, "steady", Start);

        ServiceEvents.Add(service, "steady", Start.AddHours(6).AddTicks(-1));
        Assert.Single(service.Events);

        ServiceEvents.Add(service, "steady", Start.AddHours(6));
        Assert.Equal([Start.AddHours(6), Start], service.Events.Select(e => e.CreatedAt!.Value));
    }

    [Fact]
    public void The_same_message_after_another_one_is_written_again()
    {
        var service = new ServiceRecord();

        ServiceEvents.Add(service, "steady", Start);
        ServiceEvents.Add(service, "deploying", Start.AddSeconds(1));
        ServiceEvents.Add(service, "steady", Start.AddSeconds(2));

        Assert.Equal(["steady", "deploying", "steady"], service.Events.Select(e => e.Message));
    }

    [Fact]
    public void Only_the_latest_100_events_are_kept()
    {
        var service = new ServiceRecord();

        for (var i = 0; i < 100; i++)
        {
            ServiceEvents.Add(service, $"event {i}", Start.AddSeconds(i));
        }

        Assert.Equal(100, service.Events.Count);
        ServiceEvents.Add(service, "event 100", Start.AddSeconds(100));
        ServiceEvents.Add(service, "event 101", Start.AddSeconds(101));

        Assert.Equal(100, service.Events.Count);
        Assert.Equal(("event 101", "event 2"), (service.Events[0].Message, service.Events[^1].Message));
    }

    [Fact]
    public void Event_texts_are_word_for_word_ECSs()
    {
        Assert.Equal("(service web) has reached a steady state.", EventMessages.SteadyState("web"));
        Assert.Equal("(service web) (deployment ecs-svc/1) deployment completed.", EventMessages.DeploymentCompleted("web", "ecs-svc/1"));
        Assert.Equal("(service web) has started 2 tasks: (task a) (task b).", EventMessages.StartedTasks("web", ["a", "b"], 0));
        Assert.Equal(
            "(service web) has started 1 tasks: (task a). Amazon ECS replaced 1 tasks due to an unhealthy status.",
            EventMessages.StartedTasks("web", ["a"], 1));
        Assert.Equal("(service web) has stopped 2 running tasks: (task a) (task b).", EventMessages.StoppedRunningTasks("web", ["a", "b"]));
        Assert.Equal("(service web) stopped 3 pending tasks.", EventMessages.StoppedPendingTasks("web", 3));
        Assert.Equal("(service web, taskSet ecs-svc/1) has begun draining connections on 1 tasks.", EventMessages.BegunDraining("web", "ecs-svc/1", 1));
        Assert.Equal("(service web) registered 1 targets in (target-group arn:tg)", EventMessages.RegisteredTargets("web", 1, "arn:tg"));
        Assert.Equal("(service web) deregistered 2 targets in (target-group arn:tg)", EventMessages.DeregisteredTargets("web", 2, "arn:tg"));
        Assert.Equal("(service web) (task a) failed container health checks.", EventMessages.FailedHealthChecks("web", "a"));
        Assert.Equal("(service web) (deployment ecs-svc/2) deployment failed: tasks failed to start.", EventMessages.DeploymentFailed("web", "ecs-svc/2"));
        Assert.Equal("(service web) rolling back to deployment ecs-svc/1.", EventMessages.RollingBack("web", "ecs-svc/1"));
        Assert.Equal("(service web) is unable to consistently start tasks successfully.", EventMessages.UnableToConsistentlyStart("web"));
        Assert.Equal("(service web) was unable to place a task. Reason: no port.", EventMessages.UnableToPlace("web", "no port"));
        Assert.Equal(
            "(service web) was unable to stop or start tasks during a deployment because of the service deployment configuration. Update the minimumHealthyPercent or maximumPercent value and try again.",
            EventMessages.BlockedByDeploymentConfiguration("web"));
        Assert.Equal("ECS deployment ecs-svc/1 in progress.", EventMessages.RolloutInProgress("ecs-svc/1"));
        Assert.Equal("ECS deployment ecs-svc/1 completed.", EventMessages.RolloutCompleted("ecs-svc/1"));
        Assert.Equal("ECS deployment circuit breaker: tasks failed to start.", EventMessages.RolloutFailed);
        Assert.Equal("ECS deployment circuit breaker: rolling back to deploymentId ecs-svc/1.", EventMessages.RolloutRollingBack("ecs-svc/1"));
    }
}
