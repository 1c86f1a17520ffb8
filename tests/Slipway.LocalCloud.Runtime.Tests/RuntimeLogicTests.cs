using System.Net;
using Docker.DotNet;
using Docker.DotNet.Models;
using Slipway.Aws.Ecs.Model;

namespace Slipway.LocalCloud.Runtime.Tests;

/// <summary>The runtime's pure decisions: round robin and draining, labels read back, engine errors, health and dependency wording.</summary>
public sealed class RuntimeLogicTests
{
    [Fact]
    public void Targets_take_turns_in_order_and_a_duplicate_task_counts_once()
    {
        var targets = new ServiceTargets();
        Assert.Null(targets.Next());

        targets.Set([new LoadBalancerTarget("a", 1), new LoadBalancerTarget("b", 2), new LoadBalancerTarget("a", 3)]);

        Assert.Equal([new LoadBalancerTarget("a", 1), new LoadBalancerTarget("b", 2)], targets.Current);
        Assert.Equal(["a", "b", "a", "b", "a"], Enumerable.Range(0, 5).Select(_ => targets.Next()!.TaskId));
    }

    [Fact]
    public void A_drained_task_leaves_the_rotation_and_never_comes_back_with_a_stale_list()
    {
        var targets = new ServiceTargets();
        targets.Set([new LoadBalancerTarget("a", 1), new LoadBalancerTarget("b", 2)]);

        targets.Drain("a");
        Assert.Equal(["b"], targets.Current.Select(t => t.TaskId));
        targets.Set([new LoadBalancerTarget("a", 1), new LoadBalancerTarget("b", 2), new LoadBalancerTarget("c", 3)]);

        Assert.Equal(["b", "c"], targets.Current.Select(t => t.TaskId));
        targets.Drain("b");
        targets.Drain("c");
        Assert.Null(targets.Next());
    }

    [Fact]
    public void Requests_in_flight_are_counted_per_task_until_they_end()
    {
        var targets = new ServiceTargets();
        Assert.Equal(0, targets.InFlightTo("a"));

        var first = targets.Begin("a");
        var second = targets.Begin("a");
        using (targets.Begin("b"))
        {
            Assert.Equal((2, 1), (targets.InFlightTo("a"), targets.InFlightTo("b")));
        }

        first.Dispose();
        Assert.Equal((1, 0), (targets.InFlightTo("a"), targets.InFlightTo("b")));
        second.Dispose();
        Assert.Equal(0, targets.InFlightTo("a"));
    }

    [Theory]
    [InlineData("3", 3)]
    [InlineData("0", 0)]
    [InlineData("-1", int.MaxValue)]
    [InlineData("x", int.MaxValue)]
    public void A_containers_index_label_orders_it_and_one_missing_or_unreadable_sorts_last(string value, int index)
    {
        Assert.Equal(index, RuntimeLabels.IndexOf(new Dictionary<string, string> { [RuntimeLabels.Index] = value }));
        Assert.Equal(int.MaxValue, RuntimeLabels.IndexOf(new Dictionary<string, string>()));
        Assert.Equal(int.MaxValue, RuntimeLabels.IndexOf(null));
    }

    [Fact]
    public void A_stop_timeout_label_reads_back_as_seconds_and_an_unreadable_one_as_none()
    {
        Assert.Equal(TimeSpan.FromSeconds(45), RuntimeLabels.StopTimeoutOf(new Dictionary<string, string> { [RuntimeLabels.StopTimeout] = "45" }));
        Assert.Null(RuntimeLabels.StopTimeoutOf(new Dictionary<string, string> { [RuntimeLabels.StopTimeout] = "soon" }));
        Assert.Null(RuntimeLabels.StopTimeoutOf(null));
    }

    [Fact]
    public void The_engine_filter_selects_the_scope_and_optionally_one_task()
    {
        var scope = RuntimeLabels.Filter("slipway-abc");
        var task = RuntimeLabels.Filter("slipway-abc", "t1");

        Assert.Equal(["label"], scope.Keys);
        Assert.Equal(["slipway.localcloud.scope=slipway-abc"], scope["label"].Where(p => p.Value).Select(p => p.Key));
        Assert.Equal(
            ["slipway.localcloud.scope=slipway-abc", "slipway.localcloud.task-id=t1"],
            task["label"].Where(p => p.Value).Select(p => p.Key).Order(StringComparer.Ordinal));
    }

    [Theory]
    [InlineData("{\"message\":\"manifest unknown\"}", "manifest unknown")]
    [InlineData("{\"message\":\"\"}", "{\"message\":\"\"}")]
    [InlineData("{\"other\":1}", "{\"other\":1}")]
    [InlineData("  plain text \n", "plain text")]
    public void An_engine_error_reads_as_its_message(string body, string message) =>
        Assert.Equal(message, ImagePuller.EngineMessage(new DockerApiException(HttpStatusCode.NotFound, body)));

    [Fact]
    public void An_engine_error_without_a_body_reads_as_the_exception()
    {
        var exception = new DockerApiException(HttpStatusCode.InternalServerError, " ");

        Assert.Equal(exception.Message, ImagePuller.EngineMessage(exception));
    }

    [Theory]
    [InlineData("localhost:5000/api:v1@sha256:abc", "localhost:5000/api:v1", "sha256:abc")]
    [InlineData("localhost:5000/api", "localhost:5000/api", "latest")]
    [InlineData("api:v1", "api", "v1")]
    public void A_registry_port_is_not_a_tag_and_a_digest_wins_over_a_tag(string image, string name, string tagOrDigest) =>
        Assert.Equal((name, tagOrDigest), ImagePuller.Split(image));

    [Fact]
    public void A_health_check_keeps_its_own_interval_timeout_retries_and_start_period()
    {
        var docker = HealthCheckTranslation.ToDocker(new HealthCheck { Command = ["CMD", "true"], Interval = 7, Timeout = 2, Retries = 9, StartPeriod = 1 }, "app");

        Assert.Equal((TimeSpan.FromSeconds(7), TimeSpan.FromSeconds(2), 9L, 1_000_000_000L), (docker.Interval, docker.Timeout, docker.Retries, docker.StartPeriod));
    }

    [Fact]
    public void Without_a_health_check_the_images_own_is_switched_off_and_a_command_alone_is_refused()
    {
        Assert.Equal(["NONE"], HealthCheckTranslation.ToDocker(null, "app").Test);
        Assert.Throws<TaskStartException>(() => HealthCheckTranslation.ToDocker(new HealthCheck { Command = ["CMD-SHELL"] }, "app"));
        Assert.Throws<TaskStartException>(() => HealthCheckTranslation.ToDocker(new HealthCheck(), "app"));
        Assert.Equal(["CMD-SHELL", "exit 0"], HealthCheckTranslation.ToDocker(new HealthCheck { Command = ["CMD-SHELL", "exit 0"] }, "app").Test);
    }

    [Theory]
    [InlineData("paused", "RUNNING")]
    [InlineData("restarting", "RUNNING")]
    [InlineData(null, "STOPPED")]
    public void Paused_and_restarting_containers_run_and_an_unknown_state_is_stopped(string? docker, string ecs) =>
        Assert.Equal(ecs, ContainerStates.LastStatus(docker));

    [Fact]
    public void Health_is_unknown_without_a_check_or_with_the_check_switched_off()
    {
        var withoutCheck = new ContainerInspectResponse { Config = new Config(), State = new ContainerState { Health = new Health { Status = "healthy" } } };
        var switchedOff = new ContainerInspectResponse { Config = new Config { Healthcheck = new HealthConfig { Test = ["NONE"] } }, State = new ContainerState { Health = new Health { Status = "unhealthy" } } };
        var empty = new ContainerInspectResponse { Config = new Config { Healthcheck = new HealthConfig { Test = [] } }, State = new ContainerState { Health = new Health { Status = "healthy" } } };

        Assert.Equal(["UNKNOWN", "UNKNOWN", "UNKNOWN"], new[] { withoutCheck, switchedOff, empty }.Select(ContainerStates.HealthStatus));
    }

    [Fact]
    public void An_exited_container_reports_exit_code_times_and_its_engine_name_when_unlabelled()
    {
        var observed = ContainerStates.Observe(new ContainerInspectResponse
        {
            ID = "c1",
            Name = "/scope-task-app",
            Config = new Config(),
            State = new ContainerState { Status = "exited", ExitCode = 3, StartedAt = "2026-11-28T03:00:00Z", FinishedAt = "2026-11-28T03:00:05Z" },
        });

        Assert.Equal(
            new ContainerObservation("scope-task-app", "STOPPED", 3, "UNKNOWN", null, new DateTimeOffset(2026, 11, 28, 3, 0, 0, TimeSpan.Zero), new DateTimeOffset(2026, 11, 28, 3, 0, 5, TimeSpan.Zero), "c1"),
            observed);
    }

    [Fact]
    public void A_running_container_has_no_exit_code_or_stop_time()
    {
        var observed = ContainerStates.Observe(new ContainerInspectResponse
        {
            ID = "c1",
            Name = "/x",
            State = new ContainerState { Status = "running", ExitCode = 0, StartedAt = "2026-11-28T03:00:00Z", FinishedAt = "2026-11-28T03:00:05Z" },
        });

        Assert.Equal(("RUNNING", null, null, null), (observed.LastStatus, observed.ExitCode, observed.StoppedAt, observed.Reason));
        Assert.NotNull(observed.StartedAt);
    }

    [Fact]
    public void A_container_that_never_started_but_exited_with_a_code_keeps_it()
    {
        var observed = ContainerStates.Observe(new ContainerInspectResponse
        {
            ID = "c1",
            Name = "/x",
            State = new ContainerState { Status = "exited", ExitCode = 127, StartedAt = "0001-01-01T00:00:00Z", FinishedAt = "0001-01-01T00:00:00Z" },
        });

        Assert.Equal(("STOPPED", 127, null, null), (observed.LastStatus, observed.ExitCode, observed.StartedAt, observed.StoppedAt));
    }

    [Fact]
    public void A_container_created_and_removed_without_running_has_no_exit_code()
    {
        var observed = ContainerStates.Observe(new ContainerInspectResponse
        {
            ID = "c1",
            Name = "/x",
            State = new ContainerState { Status = "exited", ExitCode = 0, StartedAt = "0001-01-01T00:00:00Z" },
        });

        Assert.Null(observed.ExitCode);
    }

    [Fact]
    public void Dependencies_are_described_by_status_exit_code_and_health()
    {
        Assert.Equal("STOPPED with exit code 2", DependencyConditions.Describe(new ContainerObservation("d", "STOPPED", 2, "UNKNOWN", null, null, null, null)));
        Assert.Equal("STOPPED with exit code none", DependencyConditions.Describe(new ContainerObservation("d", "STOPPED", null, "UNKNOWN", null, null, null, null)));
        Assert.Equal("RUNNING and UNHEALTHY", DependencyConditions.Describe(new ContainerObservation("d", "RUNNING", null, "UNHEALTHY", null, null, null, null)));
    }

    [Fact]
    public void Healthy_and_complete_conditions_wait_while_the_dependency_may_still_get_there()
    {
        var running = new ContainerObservation("d", "RUNNING", null, "UNKNOWN", null, null, null, null);

        Assert.Null(DependencyConditions.Evaluate("HEALTHY", running));
        Assert.Null(DependencyConditions.Evaluate("COMPLETE", running));
        Assert.Equal(
            "ClientException: dependsOn condition 'READY' is not one of START, COMPLETE, SUCCESS, HEALTHY.",
            Assert.Throws<TaskStartException>(() => DependencyConditions.Evaluate("READY", running)).StoppedReason);
    }

    [Fact]
    public void Dependency_errors_name_the_container()
    {
        var a = new ContainerDefinition { Name = "a", DependsOn = [new ContainerDependency { ContainerName = "a" }] };
        var c = new ContainerDefinition { Name = "c", DependsOn = [new ContainerDependency()] };

        Assert.Equal("ClientException: the dependsOn of container 'a' form a cycle.", Assert.Throws<TaskStartException>(() => DependencyOrder.Of([a])).StoppedReason);
        Assert.Equal(
            "ClientException: container 'c' dependsOn '', which is not a container of the task definition.",
            Assert.Throws<TaskStartException>(() => DependencyOrder.Of([c])).StoppedReason);
    }

    [Fact]
    public void A_diamond_of_dependencies_places_each_container_once_and_keeps_definition_order_otherwise()
    {
        var app = new ContainerDefinition { Name = "app", DependsOn = [new ContainerDependency { ContainerName = "db" }, new ContainerDependency { ContainerName = "cache" }] };
        var db = new ContainerDefinition { Name = "db", DependsOn = [new ContainerDependency { ContainerName = "init" }] };
        var cache = new ContainerDefinition { Name = "cache", DependsOn = [new ContainerDependency { ContainerName = "init" }] };
        var init = new ContainerDefinition { Name = "init" };
        var sidecar = new ContainerDefinition { Name = "sidecar" };

        Assert.Equal(["sidecar", "init", "db", "cache", "app"], DependencyOrder.Of([sidecar, app, db, cache, init]).Select(c => c.Name));
    }

    [Fact]
    public void A_task_start_failure_reads_as_its_stopped_reason()
    {
        var inner = new InvalidOperationException("engine");

        Assert.Equal("The task could not be started.", new TaskStartException().StoppedReason);
        Assert.Equal(("CannotPullContainerError: x", "CannotPullContainerError: x"), (new TaskStartException("CannotPullContainerError: x").StoppedReason, new TaskStartException("CannotPullContainerError: x").Message));
        var wrapped = new TaskStartException("y", inner);
        Assert.Equal(("y", inner), (wrapped.StoppedReason, wrapped.InnerException));
    }
}
