using System.Diagnostics;
using Slipway.Aws.Ecs.Model;

namespace Slipway.LocalCloud.Runtime.Tests;

[Collection(RealEngine.Name)]
public sealed class TaskRuntimeTests(RuntimeFixture fixture)
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(30);

    [Fact]
    public async Task An_essential_container_that_exits_is_STOPPED_with_its_exit_code()
    {
        var runtime = fixture.NewRuntime();
        var launch = RuntimeFixture.Launch(null, fixture.Shell("app", "exit 3"));

        await runtime.StartAsync(launch, CancellationToken.None);
        var stopped = await RuntimeFixture.WaitUntilAsync(runtime, launch.TaskId, o => o.Containers.All(c => c.LastStatus == "STOPPED"), Patience);

        var app = Assert.Single(stopped.Containers);
        Assert.Equal("app", app.Name);
        Assert.Equal(3, app.ExitCode);
        Assert.Equal("UNKNOWN", app.HealthStatus);
        Assert.NotNull(app.StartedAt);
        Assert.NotNull(app.StoppedAt);
        Assert.NotNull(app.RuntimeId);
        await runtime.StopAsync(launch.TaskId, TimeSpan.FromSeconds(1), CancellationToken.None);
    }

    [Fact]
    public async Task A_container_gets_its_environment_secrets_port_working_directory_and_user()
    {
        var runtime = fixture.NewRuntime();
        var container = fixture.Shell(
            "app",
            """test "$GREETING" = hello && test "$TOKEN" = s3cr3t-value && test "$PORT" = "$EXPECTED_PORT" && test "$ASPNETCORE_HTTP_PORTS" = "$EXPECTED_PORT" && test "$(pwd)" = /tmp && test "$(id -u)" = 4321 && exit 42; exit 1""");
        container.Environment = [new Slipway.Aws.Ecs.Model.KeyValuePair { Name = "GREETING", Value = "hello" }, new Slipway.Aws.Ecs.Model.KeyValuePair { Name = "PORT", Value = "1" }];
        container.Secrets = [new Secret { Name = "TOKEN", ValueFrom = "arn:aws:secretsmanager:us-east-1:000000000000:secret:token" }];
        container.PortMappings = [new PortMapping { ContainerPort = 8080 }];
        container.WorkingDirectory = "/tmp";
        container.User = "4321";
        var launch = RuntimeFixture.Launch(new Dictionary<string, string> { ["arn:aws:secretsmanager:us-east-1:000000000000:secret:token"] = "s3cr3t-value" }, container);
        container.Environment.Add(new Slipway.Aws.Ecs.Model.KeyValuePair { Name = "EXPECTED_PORT", Value = launch.HostPort.ToString(System.Globalization.CultureInfo.InvariantCulture) });

        await runtime.StartAsync(launch, CancellationToken.None);
        var stopped = await RuntimeFixture.WaitUntilAsync(runtime, launch.TaskId, o => o.Containers.All(c => c.LastStatus == "STOPPED"), Patience);

        Assert.Equal(42, Assert.Single(stopped.Containers).ExitCode);
        Assert.DoesNotContain("s3cr3t-value", fixture.Log.Text, StringComparison.Ordinal);
        await runtime.StopAsync(launch.TaskId, TimeSpan.FromSeconds(1), CancellationToken.None);
    }

    [Fact]
    public async Task A_container_without_port_mappings_gets_no_PORT()
    {
        var runtime = fixture.NewRuntime();
        var launch = RuntimeFixture.Launch(null, fixture.Shell("worker", """test -z "$PORT" && test -z "$ASPNETCORE_HTTP_PORTS" && exit 5; exit 1"""));

        await runtime.StartAsync(launch, CancellationToken.None);
        var stopped = await RuntimeFixture.WaitUntilAsync(runtime, launch.TaskId, o => o.Containers.All(c => c.LastStatus == "STOPPED"), Patience);

        Assert.Equal(5, Assert.Single(stopped.Containers).ExitCode);
        await runtime.StopAsync(launch.TaskId, TimeSpan.FromSeconds(1), CancellationToken.None);
    }

    [Fact]
    public async Task A_secret_without_a_value_fails_the_start_without_leaving_containers()
    {
        var runtime = fixture.NewRuntime();
        var container = fixture.Shell("app", "sleep 60");
        container.Secrets = [new Secret { Name = "TOKEN", ValueFrom = "arn:aws:ssm:us-east-1:000000000000:parameter/missing" }];
        var launch = RuntimeFixture.Launch(null, container);

        var failure = await Assert.ThrowsAsync<TaskStartException>(() => runtime.StartAsync(launch, CancellationToken.None));

        Assert.StartsWith("ResourceInitializationError:", failure.StoppedReason, StringComparison.Ordinal);
        Assert.Contains("parameter/missing", failure.StoppedReason, StringComparison.Ordinal);
        Assert.Empty((await runtime.ObserveAsync(launch.TaskId, CancellationToken.None)).Containers);
    }

    [Fact]
    public async Task Containers_run_with_host_networking_and_the_task_labels()
    {
        var runtime = fixture.NewRuntime();
        var launch = RuntimeFixture.Launch(null, fixture.Shell("app", "sleep 60"));
        await runtime.StartAsync(launch, CancellationToken.None);

        var observed = await runtime.ObserveAsync(launch.TaskId, CancellationToken.None);
        var inspected = await fixture.Engine.Client.Containers.InspectContainerAsync(Assert.Single(observed.Containers).RuntimeId!);

        Assert.Equal("host", inspected.HostConfig.NetworkMode);
        Assert.Equal(launch.TaskArn, inspected.Config.Labels["com.amazonaws.ecs.task-arn"]);
        Assert.Equal("app", inspected.Config.Labels["com.amazonaws.ecs.container-name"]);
        Assert.Equal("RUNNING", observed.Containers[0].LastStatus);
        Assert.Null(observed.Containers[0].ExitCode);
        await runtime.StopAsync(launch.TaskId, TimeSpan.FromSeconds(1), CancellationToken.None);
    }

    [Fact]
    public async Task Stop_sends_SIGTERM_then_SIGKILL_after_the_timeout_and_removes_the_containers()
    {
        var runtime = fixture.NewRuntime();

        // "graceful" exits 0 on SIGTERM; "stubborn" is a PID 1 without a handler, so only SIGKILL ends it.
        var graceful = fixture.Shell("graceful", "trap 'exit 0' TERM; while true; do sleep 0.1; done");
        var stubborn = fixture.Shell("stubborn", "exec sleep 600");
        var launch = RuntimeFixture.Launch(null, graceful, stubborn);
        await runtime.StartAsync(launch, CancellationToken.None);
        await RuntimeFixture.WaitUntilAsync(runtime, launch.TaskId, o => o.Containers.All(c => c.LastStatus == "RUNNING"), Patience);

        var clock = Stopwatch.StartNew();
        var final = await runtime.StopAsync(launch.TaskId, TimeSpan.FromSeconds(2), CancellationToken.None);

        Assert.InRange(clock.Elapsed, TimeSpan.FromSeconds(1.5), TimeSpan.FromSeconds(20));
        Assert.All(final.Containers, c => Assert.Equal("STOPPED", c.LastStatus));
        Assert.Equal(0, final.Containers.Single(c => c.Name == "graceful").ExitCode);
        Assert.Equal(137, final.Containers.Single(c => c.Name == "stubborn").ExitCode);
        Assert.Equal(["graceful", "stubborn"], final.Containers.Select(c => c.Name));
        Assert.Empty((await runtime.ObserveAsync(launch.TaskId, CancellationToken.None)).Containers);
        Assert.DoesNotContain(launch.TaskId, await runtime.ListTaskIdsAsync(CancellationToken.None));
    }

    [Fact]
    public async Task A_container_stop_timeout_in_the_definition_wins_over_the_default()
    {
        var runtime = fixture.NewRuntime();
        var stubborn = fixture.Shell("stubborn", "exec sleep 600");
        stubborn.StopTimeout = 1;
        var launch = RuntimeFixture.Launch(null, stubborn);
        await runtime.StartAsync(launch, CancellationToken.None);

        var clock = Stopwatch.StartNew();
        var final = await runtime.StopAsync(launch.TaskId, TimeSpan.FromSeconds(60), CancellationToken.None);

        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(20), $"stop took {clock.Elapsed}");
        Assert.Equal(137, Assert.Single(final.Containers).ExitCode);
    }

    [Fact]
    public async Task A_restarted_runtime_finds_its_tasks_and_only_those_of_its_scope()
    {
        var first = fixture.NewRuntime();
        var launch = RuntimeFixture.Launch(null, fixture.Shell("app", "sleep 60"));
        await first.StartAsync(launch, CancellationToken.None);

        var restarted = fixture.NewRuntime();
        var other = fixture.NewRuntime(fixture.Scope + "-other");

        Assert.Contains(launch.TaskId, await restarted.ListTaskIdsAsync(CancellationToken.None));
        Assert.DoesNotContain(launch.TaskId, await other.ListTaskIdsAsync(CancellationToken.None));
        Assert.Empty((await other.ObserveAsync(launch.TaskId, CancellationToken.None)).Containers);
        Assert.Equal("RUNNING", Assert.Single((await restarted.ObserveAsync(launch.TaskId, CancellationToken.None)).Containers).LastStatus);
        await restarted.StopAsync(launch.TaskId, TimeSpan.FromSeconds(1), CancellationToken.None);
    }

    [Fact]
    public async Task A_container_starts_after_the_one_it_depends_on_succeeded()
    {
        var runtime = fixture.NewRuntime();
        var migrate = fixture.Shell("migrate", "exit 0");
        migrate.Essential = false;
        var app = fixture.Shell("app", "sleep 60");
        app.DependsOn = [new ContainerDependency { ContainerName = "migrate", Condition = "SUCCESS" }];
        var launch = RuntimeFixture.Launch(null, app, migrate);

        await runtime.StartAsync(launch, CancellationToken.None);
        var observed = await runtime.ObserveAsync(launch.TaskId, CancellationToken.None);

        Assert.Equal(["app", "migrate"], observed.Containers.Select(c => c.Name));
        var migrated = observed.Containers.Single(c => c.Name == "migrate");
        var running = observed.Containers.Single(c => c.Name == "app");
        Assert.Equal(0, migrated.ExitCode);
        Assert.Equal("RUNNING", running.LastStatus);
        Assert.True(running.StartedAt >= migrated.StoppedAt, $"app started {running.StartedAt:O}, migrate stopped {migrated.StoppedAt:O}");
        await runtime.StopAsync(launch.TaskId, TimeSpan.FromSeconds(1), CancellationToken.None);
    }

    [Fact]
    public async Task A_dependency_that_fails_its_condition_fails_the_start_and_leaves_nothing()
    {
        var runtime = fixture.NewRuntime();
        var migrate = fixture.Shell("migrate", "exit 4");
        var app = fixture.Shell("app", "sleep 60");
        app.DependsOn = [new ContainerDependency { ContainerName = "migrate", Condition = "SUCCESS" }];
        var launch = RuntimeFixture.Launch(null, migrate, app);

        var failure = await Assert.ThrowsAsync<TaskStartException>(() => runtime.StartAsync(launch, CancellationToken.None));

        Assert.Contains("'migrate' being SUCCESS", failure.StoppedReason, StringComparison.Ordinal);
        Assert.Contains("exit code 4", failure.StoppedReason, StringComparison.Ordinal);
        Assert.DoesNotContain(launch.TaskId, await runtime.ListTaskIdsAsync(CancellationToken.None));
    }

    [Fact]
    public async Task A_command_that_cannot_run_fails_the_start_as_CannotStartContainerError()
    {
        var runtime = fixture.NewRuntime();
        var container = fixture.Shell("app", "");
        container.Command = ["/bin/no-such-program"];
        var launch = RuntimeFixture.Launch(null, container);

        var failure = await Assert.ThrowsAsync<TaskStartException>(() => runtime.StartAsync(launch, CancellationToken.None));

        Assert.StartsWith("CannotStartContainerError:", failure.StoppedReason, StringComparison.Ordinal);
        Assert.Contains("no-such-program", failure.StoppedReason, StringComparison.Ordinal);
        Assert.DoesNotContain(launch.TaskId, await runtime.ListTaskIdsAsync(CancellationToken.None));
    }
}
