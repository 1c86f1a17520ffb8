using Slipway.Aws.Ecs.Model;
using KeyValuePair = Slipway.Aws.Ecs.Model.KeyValuePair;

namespace Slipway.LocalCloud.Runtime.Tests;

/// <summary>A container definition as the engine's create request: labels, environment, limits and the task's port.</summary>
public sealed class ContainerCreationTests
{
    private const string TaskId = "0123456789abcdef0123456789abcdef";
    private const string TaskArn = "arn:aws:ecs:us-east-1:000000000000:task/c/0123456789abcdef0123456789abcdef";

    [Fact]
    public void The_labels_carry_scope_task_container_index_family_revision_and_stop_timeout_next_to_the_definitions_own()
    {
        var container = new ContainerDefinition { Name = "web", Image = "busybox", StopTimeout = 7, DockerLabels = new Dictionary<string, string> { ["team"] = "core" } };

        var created = ContainerCreation.For(Launch(container, family: "api", revision: 4), container, 2, "slipway-abc");

        Assert.Equal(
            new Dictionary<string, string>
            {
                ["team"] = "core",
                ["slipway.localcloud.scope"] = "slipway-abc",
                ["slipway.localcloud.task-id"] = TaskId,
                ["com.amazonaws.ecs.task-arn"] = TaskArn,
                ["com.amazonaws.ecs.container-name"] = "web",
                ["slipway.localcloud.container-index"] = "2",
                ["com.amazonaws.ecs.task-definition-family"] = "api",
                ["com.amazonaws.ecs.task-definition-version"] = "4",
                ["slipway.localcloud.stop-timeout"] = "7",
            },
            created.Labels);
        Assert.Equal(TimeSpan.FromSeconds(7), created.StopTimeout);
        Assert.Equal(TimeSpan.FromSeconds(7), RuntimeLabels.StopTimeoutOf(created.Labels));
        Assert.Equal(2, RuntimeLabels.IndexOf(created.Labels));
    }

    [Fact]
    public void Without_family_revision_or_stop_timeout_those_labels_are_left_out()
    {
        var container = new ContainerDefinition { Name = "web", Image = "busybox" };

        var created = ContainerCreation.For(Launch(container), container, 0, "s");

        Assert.Equal(
            ["com.amazonaws.ecs.container-name", "com.amazonaws.ecs.task-arn", "slipway.localcloud.container-index", "slipway.localcloud.scope", "slipway.localcloud.task-id"],
            created.Labels.Keys.Order(StringComparer.Ordinal));
        Assert.Null(created.StopTimeout);
        Assert.Null(RuntimeLabels.StopTimeoutOf(created.Labels));
    }

    [Fact]
    public void Process_settings_limits_and_the_host_network_come_from_the_definition()
    {
        var container = new ContainerDefinition
        {
            Name = "web",
            Image = "registry/api:v1",
            EntryPoint = ["/bin/sh", "-c"],
            Command = ["echo hi"],
            WorkingDirectory = "/app",
            User = "1000",
            Hostname = "api",
            ReadonlyRootFilesystem = true,
            Memory = 512,
            MemoryReservation = 256,
            Cpu = 128,
        };

        var created = ContainerCreation.For(Launch(container), container, 0, "s");

        Assert.Equal("registry/api:v1", created.Image);
        Assert.Equal(["/bin/sh", "-c"], created.Entrypoint);
        Assert.Equal(["echo hi"], created.Cmd);
        Assert.Equal(("/app", "1000", "api"), (created.WorkingDir, created.User, created.Hostname));
        Assert.Equal("host", created.HostConfig.NetworkMode);
        Assert.True(created.HostConfig.ReadonlyRootfs);
        Assert.Equal(512L * 1024 * 1024, created.HostConfig.Memory);
        Assert.Equal(256L * 1024 * 1024, created.HostConfig.MemoryReservation);
        Assert.Equal(128, created.HostConfig.CPUShares);
        Assert.Equal(["NONE"], created.Healthcheck.Test);
    }

    [Fact]
    public void Empty_entry_point_and_command_leave_the_images_own_and_no_limits_mean_none()
    {
        var container = new ContainerDefinition { Name = "web", Image = "busybox", EntryPoint = [], Command = [] };

        var created = ContainerCreation.For(Launch(container), container, 0, "s");

        Assert.Null(created.Entrypoint);
        Assert.Null(created.Cmd);
        Assert.False(created.HostConfig.ReadonlyRootfs);
        Assert.Equal((0L, 0L, 0L), (created.HostConfig.Memory, created.HostConfig.MemoryReservation, created.HostConfig.CPUShares));
    }

    [Fact]
    public void The_name_is_scope_task_and_container_with_characters_docker_refuses_replaced()
    {
        Assert.Equal($"slipway-1_2-{TaskId}-my_app.v2", ContainerCreation.ContainerName("slipway-1/2", TaskId, "my app.v2"));
        var container = new ContainerDefinition { Name = "web", Image = "busybox" };
        Assert.Equal($"s-{TaskId}-web", ContainerCreation.For(Launch(container), container, 0, "s").Name);
    }

    [Fact]
    public void The_environment_is_variables_then_secrets_then_the_tasks_port_which_wins()
    {
        var container = new ContainerDefinition
        {
            Name = "web",
            Image = "busybox",
            Environment = [new KeyValuePair { Name = "MODE", Value = "blue" }, new KeyValuePair { Name = "EMPTY" }, new KeyValuePair { Name = "", Value = "dropped" }, new KeyValuePair { Name = "PORT", Value = "80" }],
            Secrets = [new Secret { Name = "MODE", ValueFrom = "arn:secret:mode" }, new Secret { Name = "TOKEN", ValueFrom = "arn:secret:token" }],
            PortMappings = [new PortMapping { ContainerPort = 8080 }],
        };

        var created = ContainerCreation.For(Launch(container, secrets: new Dictionary<string, string> { ["arn:secret:mode"] = "green", ["arn:secret:token"] = "s3cret" }), container, 0, "s");

        Assert.Equal(["MODE=green", "EMPTY=", "PORT=31000", "TOKEN=s3cret", "ASPNETCORE_HTTP_PORTS=31000"], created.Env);
    }

    [Fact]
    public void A_container_without_port_mappings_gets_no_port_variables()
    {
        var container = new ContainerDefinition { Name = "worker", Image = "busybox", PortMappings = [] };

        Assert.Empty(ContainerCreation.For(Launch(container), container, 0, "s").Env);
    }

    [Theory]
    [InlineData("", "arn:secret:x")]
    [InlineData("TOKEN", "")]
    [InlineData(null, "arn:secret:x")]
    [InlineData("TOKEN", null)]
    public void A_secret_without_name_or_value_from_is_the_definitions_error(string? name, string? valueFrom)
    {
        var container = new ContainerDefinition { Name = "web", Image = "busybox", Secrets = [new Secret { Name = name, ValueFrom = valueFrom }] };

        var failure = Assert.Throws<TaskStartException>(() => ContainerCreation.For(Launch(container), container, 0, "s"));

        Assert.Equal("ClientException: container 'web': every secret needs a name and a valueFrom.", failure.StoppedReason);
    }

    [Fact]
    public void A_secret_the_local_environment_has_no_value_for_stops_the_task_naming_it_but_not_other_values()
    {
        var container = new ContainerDefinition { Name = "web", Image = "busybox", Secrets = [new Secret { Name = "TOKEN", ValueFrom = "arn:secret:missing" }] };

        var failure = Assert.Throws<TaskStartException>(() => ContainerCreation.For(Launch(container, secrets: new Dictionary<string, string> { ["arn:secret:other"] = "hidden" }), container, 0, "s"));

        Assert.Equal(
            "ResourceInitializationError: unable to pull secrets or registry auth: secret 'arn:secret:missing' of container 'web' (variable TOKEN) has no value in the local environment.",
            failure.StoppedReason);
    }

    private static TaskLaunch Launch(ContainerDefinition container, string? family = null, int? revision = null, IReadOnlyDictionary<string, string>? secrets = null) =>
        new(TaskId, TaskArn, new TaskDefinition { Family = family, Revision = revision, ContainerDefinitions = [container] }, 31000, secrets ?? new Dictionary<string, string>());
}
