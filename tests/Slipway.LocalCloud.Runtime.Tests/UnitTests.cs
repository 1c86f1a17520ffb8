using Docker.DotNet.Models;
using Slipway.Aws.Ecs.Model;

namespace Slipway.LocalCloud.Runtime.Tests;

public sealed class UnitTests
{
    [Theory]
    [InlineData("127.0.0.1:5000/api@sha256:abc", "127.0.0.1:5000/api", "sha256:abc")]
    [InlineData("127.0.0.1:5000/team/api:1.2.3", "127.0.0.1:5000/team/api", "1.2.3")]
    [InlineData("127.0.0.1:5000/api", "127.0.0.1:5000/api", "latest")]
    [InlineData("busybox", "busybox", "latest")]
    public void Image_references_split_into_name_and_tag_or_digest(string image, string name, string tagOrDigest) =>
        Assert.Equal((name, tagOrDigest), ImagePuller.Split(image));

    [Fact]
    public void The_scope_of_a_state_directory_is_stable_and_differs_between_directories()
    {
        var scope = DockerTaskRuntime.ScopeFor("/repo/.nuke/temp/local/cloud");

        Assert.Matches("^slipway-[0-9a-f]{12}$", scope);
        Assert.Equal(scope, DockerTaskRuntime.ScopeFor("/repo/.nuke/temp/local/../local/cloud"));
        Assert.NotEqual(scope, DockerTaskRuntime.ScopeFor("/other/.nuke/temp/local/cloud"));
    }

    [Fact]
    public void A_health_check_gets_ECS_defaults_for_what_it_leaves_out()
    {
        var docker = HealthCheckTranslation.ToDocker(new HealthCheck { Command = ["CMD-SHELL", "true"] }, "app");

        Assert.Equal(["CMD-SHELL", "true"], docker.Test);
        Assert.Equal(TimeSpan.FromSeconds(30), docker.Interval);
        Assert.Equal(TimeSpan.FromSeconds(5), docker.Timeout);
        Assert.Equal(3, docker.Retries);
        Assert.Equal(0, docker.StartPeriod);
    }

    [Fact]
    public void The_start_period_is_nanoseconds()
    {
        Assert.Equal(60_000_000_000, HealthCheckTranslation.ToDocker(new HealthCheck { Command = ["CMD", "true"], StartPeriod = 60 }, "app").StartPeriod);
    }

    [Theory]
    [InlineData("NONE")]
    [InlineData("curl")]
    public void A_health_check_command_must_start_with_CMD_or_CMD_SHELL(string first)
    {
        var failure = Assert.Throws<TaskStartException>(() => HealthCheckTranslation.ToDocker(new HealthCheck { Command = [first, "x"] }, "web"));

        Assert.Contains("'web'", failure.StoppedReason, StringComparison.Ordinal);
        Assert.Contains("CMD-SHELL", failure.StoppedReason, StringComparison.Ordinal);
    }

    [Fact]
    public void Containers_start_after_their_dependencies()
    {
        var app = new ContainerDefinition { Name = "app", DependsOn = [new ContainerDependency { ContainerName = "db", Condition = "HEALTHY" }] };
        var db = new ContainerDefinition { Name = "db", DependsOn = [new ContainerDependency { ContainerName = "init", Condition = "SUCCESS" }] };
        var init = new ContainerDefinition { Name = "init" };

        Assert.Equal(["init", "db", "app"], DependencyOrder.Of([app, db, init]).Select(c => c.Name));
    }

    [Fact]
    public void A_dependency_cycle_or_unknown_container_is_refused()
    {
        var a = new ContainerDefinition { Name = "a", DependsOn = [new ContainerDependency { ContainerName = "b" }] };
        var b = new ContainerDefinition { Name = "b", DependsOn = [new ContainerDependency { ContainerName = "a" }] };
        var c = new ContainerDefinition { Name = "c", DependsOn = [new ContainerDependency { ContainerName = "ghost" }] };

        Assert.Contains("cycle", Assert.Throws<TaskStartException>(() => DependencyOrder.Of([a, b])).StoppedReason, StringComparison.Ordinal);
        Assert.Contains("'ghost'", Assert.Throws<TaskStartException>(() => DependencyOrder.Of([c])).StoppedReason, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("created", "PENDING")]
    [InlineData("running", "RUNNING")]
    [InlineData("exited", "STOPPED")]
    [InlineData("dead", "STOPPED")]
    [InlineData("removing", "STOPPED")]
    public void Docker_states_read_as_ECS_states(string docker, string ecs) => Assert.Equal(ecs, ContainerStates.LastStatus(docker));

    [Fact]
    public void A_container_killed_for_memory_has_ECS_reason_and_exit_code()
    {
        var observed = ContainerStates.Observe(Inspected("exited", exitCode: 137, oomKilled: true));

        Assert.Equal("STOPPED", observed.LastStatus);
        Assert.Equal(137, observed.ExitCode);
        Assert.Equal("OutOfMemoryError: Container killed due to memory usage", observed.Reason);
        Assert.Equal("app", observed.Name);
    }

    [Fact]
    public void A_container_never_started_has_no_exit_code_and_reports_the_engine_error()
    {
        var observed = ContainerStates.Observe(Inspected("created", exitCode: 0, error: "exec format error", started: "0001-01-01T00:00:00Z"));

        Assert.Equal("PENDING", observed.LastStatus);
        Assert.Null(observed.ExitCode);
        Assert.Null(observed.StartedAt);
        Assert.Equal("exec format error", observed.Reason);
    }

    [Theory]
    [InlineData("healthy", "HEALTHY")]
    [InlineData("unhealthy", "UNHEALTHY")]
    [InlineData("starting", "UNKNOWN")]
    public void Docker_health_reads_as_ECS_health(string docker, string ecs)
    {
        var inspected = Inspected("running", exitCode: 0);
        inspected.Config.Healthcheck = new HealthConfig { Test = ["CMD", "true"] };
        inspected.State.Health = new Health { Status = docker };

        Assert.Equal(ecs, ContainerStates.HealthStatus(inspected));
    }

    [Fact]
    public void The_dependency_conditions_say_when_they_can_no_longer_be_met()
    {
        static ContainerObservation Container(string status, int? exitCode, string health) => new("dep", status, exitCode, health, null, null, null, null);

        Assert.True(DependencyConditions.Evaluate("SUCCESS", Container("STOPPED", 0, "UNKNOWN")));
        Assert.False(DependencyConditions.Evaluate("SUCCESS", Container("STOPPED", 1, "UNKNOWN")));
        Assert.Null(DependencyConditions.Evaluate("SUCCESS", Container("RUNNING", null, "UNKNOWN")));
        Assert.True(DependencyConditions.Evaluate("COMPLETE", Container("STOPPED", 1, "UNKNOWN")));
        Assert.True(DependencyConditions.Evaluate("HEALTHY", Container("RUNNING", null, "HEALTHY")));
        Assert.False(DependencyConditions.Evaluate("HEALTHY", Container("RUNNING", null, "UNHEALTHY")));
        Assert.False(DependencyConditions.Evaluate("HEALTHY", Container("STOPPED", 0, "UNKNOWN")));
        Assert.Throws<TaskStartException>(() => DependencyConditions.Evaluate("READY", Container("RUNNING", null, "UNKNOWN")));
    }

    private static ContainerInspectResponse Inspected(string status, long exitCode, bool oomKilled = false, string error = "", string started = "2026-11-28T03:00:00Z") => new()
    {
        ID = "abc",
        Name = "/scope-task-app",
        Config = new Config { Labels = new Dictionary<string, string> { ["com.amazonaws.ecs.container-name"] = "app" } },
        State = new ContainerState { Status = status, ExitCode = exitCode, OOMKilled = oomKilled, Error = error, StartedAt = started, FinishedAt = "2026-11-28T03:00:05Z" },
    };
}
