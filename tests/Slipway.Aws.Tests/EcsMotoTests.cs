using System.Net;
using Slipway.Aws.Ecs.Model;
using Slipway.Aws.Tests.Support;
using Task = System.Threading.Tasks.Task; // the model has an ECS Task too, as AWSSDK's does

namespace Slipway.Aws.Tests;

/// <summary>Every ECS operation against a real moto_server. moto does not roll deployments out (see DESIGN.md).</summary>
[Collection(UsesMoto.Name)]
public sealed class EcsMotoTests(MotoServer moto)
{
    [Fact]
    public async Task CreateCluster_then_DescribeClusters_returns_it_and_a_failure_for_a_missing_one()
    {
        using var ecs = moto.Ecs();
        var name = Samples.Unique("cluster");

        var created = await ecs.CreateClusterAsync(new CreateClusterRequest
        {
            ClusterName = name,
            Tags = [new Tag { Key = "env", Value = "test" }],
            Settings = [new ClusterSetting { Name = "containerInsights", Value = "enabled" }],
        });
        var described = await ecs.DescribeClustersAsync(new DescribeClustersRequest { Clusters = [name, "no-such-cluster"], Include = ["TAGS", "SETTINGS"] });

        Assert.Equal($"arn:aws:ecs:us-east-1:123456789012:cluster/{name}", created.Cluster?.ClusterArn);
        var cluster = Assert.Single(described.Clusters!);
        Assert.Equal("ACTIVE", cluster.Status);
        Assert.Equal(0, cluster.ActiveServicesCount);
        Assert.Equal("enabled", Assert.Single(cluster.Settings!).Value);
        Assert.Equal("MISSING", Assert.Single(described.Failures!).Reason);
    }

    [Fact]
    public async Task RegisterTaskDefinition_then_DescribeTaskDefinition_returns_every_member_the_pipeline_sets()
    {
        using var ecs = moto.Ecs();
        var family = Samples.Unique("api");
        var request = Samples.TaskDefinition(family);

        var registered = await ecs.RegisterTaskDefinitionAsync(request);
        var described = await ecs.DescribeTaskDefinitionAsync(new DescribeTaskDefinitionRequest { TaskDefinition = family, Include = ["TAGS"] });

        Assert.Equal($"arn:aws:ecs:us-east-1:123456789012:task-definition/{family}:1", registered.TaskDefinition?.TaskDefinitionArn);
        var definition = described.TaskDefinition!;
        Assert.Equal((family, 1, "ACTIVE"), (definition.Family, definition.Revision, definition.Status));
        Assert.Equal((request.Cpu, request.Memory, request.NetworkMode), (definition.Cpu, definition.Memory, definition.NetworkMode));
        Assert.Equal((request.TaskRoleArn, request.ExecutionRoleArn), (definition.TaskRoleArn, definition.ExecutionRoleArn));
        Assert.Equal(["FARGATE"], definition.RequiresCompatibilities!);
        var sent = request.ContainerDefinitions![0];
        var container = Assert.Single(definition.ContainerDefinitions!);
        Assert.Equal((sent.Name, sent.Image, sent.Essential, sent.Cpu, sent.Memory), (container.Name, container.Image, container.Essential, container.Cpu, container.Memory));
        Assert.Equal((8080, "tcp"), (container.PortMappings![0].ContainerPort, container.PortMappings[0].Protocol));
        Assert.Equal("http://+:8080", Assert.Single(container.Environment!).Value);
        Assert.Equal(sent.Secrets![0].ValueFrom, Assert.Single(container.Secrets!).ValueFrom);
        Assert.Equal(sent.HealthCheck!.Command!.ToArray(), container.HealthCheck!.Command!.ToArray());
        Assert.Equal(15, container.HealthCheck?.StartPeriod);
        Assert.Equal("awslogs", container.LogConfiguration?.LogDriver);
        Assert.Equal("/ecs/api", container.LogConfiguration?.Options?["awslogs-group"]);
        Assert.Equal(["dotnet"], container.EntryPoint!);
        Assert.Equal(["Api.dll"], container.Command!);
        Assert.Equal(["slipway:commit", "slipway:version"], described.Tags!.Select(t => t.Key!).Order().ToArray());
    }

    [Fact]
    public async Task ListTaskDefinitions_lists_every_revision_and_DeregisterTaskDefinition_makes_one_inactive()
    {
        using var ecs = moto.Ecs();
        var family = Samples.Unique("api");
        await ecs.RegisterTaskDefinitionAsync(Samples.TaskDefinition(family));
        await ecs.RegisterTaskDefinitionAsync(Samples.TaskDefinition(family));

        var listed = await ecs.ListTaskDefinitionsAsync(new ListTaskDefinitionsRequest { FamilyPrefix = family, Sort = "DESC" });
        var deregistered = await ecs.DeregisterTaskDefinitionAsync(new DeregisterTaskDefinitionRequest { TaskDefinition = $"{family}:1" });
        var paged = await ecs.Paginators.ListTaskDefinitions(new ListTaskDefinitionsRequest { FamilyPrefix = family, Status = "ACTIVE" }).Items.ToListAsync();

        Assert.Equal(2, listed.TaskDefinitionArns!.Count);
        Assert.Equal("INACTIVE", deregistered.TaskDefinition?.Status);
        Assert.EndsWith($"{family}:2", Assert.Single(paged), StringComparison.Ordinal);
    }

    /// <summary>Why paging is tested against the scripted server (WireFormatTests): moto 5.2.1 returns every item at once.</summary>
    [Fact]
    public async Task Moto_ignores_maxResults_and_never_returns_a_nextToken()
    {
        using var ecs = moto.Ecs();
        var family = Samples.Unique("api");
        await ecs.RegisterTaskDefinitionAsync(Samples.TaskDefinition(family));
        await ecs.RegisterTaskDefinitionAsync(Samples.TaskDefinition(family));

        var page = await ecs.ListTaskDefinitionsAsync(new ListTaskDefinitionsRequest { FamilyPrefix = family, MaxResults = 1 });

        Assert.Equal(2, page.TaskDefinitionArns!.Count);
        Assert.Null(page.NextToken);
    }

    [Fact]
    public async Task CreateService_UpdateService_and_DescribeServices_carry_deployments_and_the_circuit_breaker()
    {
        using var ecs = moto.Ecs();
        var cluster = Samples.Unique("cluster");
        var family = Samples.Unique("api");
        await ecs.CreateClusterAsync(new CreateClusterRequest { ClusterName = cluster });
        var first = (await ecs.RegisterTaskDefinitionAsync(Samples.TaskDefinition(family))).TaskDefinition!.TaskDefinitionArn;
        var second = (await ecs.RegisterTaskDefinitionAsync(Samples.TaskDefinition(family))).TaskDefinition!.TaskDefinitionArn;

        var created = await ecs.CreateServiceAsync(new CreateServiceRequest
        {
            Cluster = cluster,
            ServiceName = "api",
            TaskDefinition = first,
            DesiredCount = 2,
            // moto checks subnets against its EC2, so no awsvpc network configuration here (the model tests cover it).
            DeploymentConfiguration = new DeploymentConfiguration
            {
                DeploymentCircuitBreaker = new DeploymentCircuitBreaker { Enable = true, Rollback = true },
                MaximumPercent = 200,
                MinimumHealthyPercent = 100,
            },
            Tags = [new Tag { Key = "env", Value = "test" }],
        });
        var updated = await ecs.UpdateServiceAsync(new UpdateServiceRequest { Cluster = cluster, Service = "api", TaskDefinition = second, ForceNewDeployment = true });
        var described = await ecs.DescribeServicesAsync(new DescribeServicesRequest { Cluster = cluster, Services = ["api", "ghost"], Include = ["TAGS"] });

        Assert.Equal("ACTIVE", created.Service?.Status);
        Assert.Equal(second, updated.Service?.TaskDefinition);
        var service = Assert.Single(described.Services!);
        Assert.Equal((2, second), (service.DesiredCount, service.TaskDefinition));
        var deployment = Assert.Single(service.Deployments!, d => d.Status == "PRIMARY");
        Assert.False(string.IsNullOrEmpty(deployment.Id));
        Assert.NotNull(deployment.CreatedAt);
        // moto keeps the first deployment on UpdateService (it simulates no rollout), so only its shape is checked.
        Assert.StartsWith($"arn:aws:ecs:us-east-1:123456789012:task-definition/{family}:", deployment.TaskDefinition, StringComparison.Ordinal);
        Assert.Equal("IN_PROGRESS", deployment.RolloutState);
        Assert.False(string.IsNullOrEmpty(deployment.RolloutStateReason));
        // moto 5.2.1 does not echo deploymentConfiguration; the model tests check its members instead.
        Assert.Equal("MISSING", Assert.Single(described.Failures!).Reason);
    }

    [Fact]
    public async Task DescribeServices_of_an_unknown_cluster_throws_ClusterNotFoundException()
    {
        using var ecs = moto.Ecs();

        var error = await Assert.ThrowsAsync<ClusterNotFoundException>(
            () => ecs.DescribeServicesAsync(new DescribeServicesRequest { Cluster = "no-such-cluster", Services = ["api"] }));

        Assert.Equal(("ClusterNotFoundException", "Cluster not found.", HttpStatusCode.BadRequest), (error.ErrorCode, error.Message, error.StatusCode));
    }

    [Fact]
    public async Task UpdateService_of_an_unknown_service_throws_ServiceNotFoundException()
    {
        using var ecs = moto.Ecs();
        var cluster = Samples.Unique("cluster");
        await ecs.CreateClusterAsync(new CreateClusterRequest { ClusterName = cluster });

        var error = await Assert.ThrowsAsync<ServiceNotFoundException>(
            () => ecs.UpdateServiceAsync(new UpdateServiceRequest { Cluster = cluster, Service = "ghost", DesiredCount = 1 }));

        Assert.Equal("Service not found.", error.Message);
    }

    [Fact]
    public async Task DescribeTasks_without_tasks_throws_InvalidParameterException()
    {
        using var ecs = moto.Ecs();
        var cluster = Samples.Unique("cluster");
        await ecs.CreateClusterAsync(new CreateClusterRequest { ClusterName = cluster });

        var error = await Assert.ThrowsAsync<InvalidParameterException>(() => ecs.DescribeTasksAsync(new DescribeTasksRequest { Cluster = cluster, Tasks = [] }));

        Assert.Equal("Tasks cannot be empty.", error.Message);
    }

    [Fact]
    public async Task RegisterTaskDefinition_of_a_container_without_image_throws_ClientException()
    {
        using var ecs = moto.Ecs();

        var error = await Assert.ThrowsAsync<ClientException>(() => ecs.RegisterTaskDefinitionAsync(new RegisterTaskDefinitionRequest
        {
            Family = Samples.Unique("api"),
            ContainerDefinitions = [new ContainerDefinition { Name = "api", Memory = 128 }],
        }));

        Assert.Equal("Container.image should not be null or empty.", error.Message);
    }

    [Fact]
    public async Task RunTask_ListTasks_DescribeTasks_and_StopTask_follow_one_task()
    {
        using var ecs = moto.Ecs();
        var cluster = Samples.Unique("cluster");
        var family = Samples.Unique("migrate");
        await ecs.CreateClusterAsync(new CreateClusterRequest { ClusterName = cluster });
        await ecs.RegisterTaskDefinitionAsync(Samples.TaskDefinition(family));
        var subnet = await moto.DefaultSubnetAsync();

        var run = await ecs.RunTaskAsync(new RunTaskRequest
        {
            Cluster = cluster,
            TaskDefinition = family,
            Count = 1,
            LaunchType = "FARGATE",
            StartedBy = "slipway",
            NetworkConfiguration = new NetworkConfiguration { AwsvpcConfiguration = new AwsVpcConfiguration { Subnets = [subnet], SecurityGroups = ["sg-0abc"] } },
            Overrides = new TaskOverride { ContainerOverrides = [new ContainerOverride { Name = "api", Command = ["migrate"] }] },
        });
        var arn = Assert.Single(run.Tasks!).TaskArn!;
        var listed = await ecs.Paginators.ListTasks(new ListTasksRequest { Cluster = cluster, StartedBy = "slipway" }).Items.ToListAsync();
        var described = await ecs.DescribeTasksAsync(new DescribeTasksRequest { Cluster = cluster, Tasks = [arn] });
        var stopped = await ecs.StopTaskAsync(new StopTaskRequest { Cluster = cluster, Task = arn, Reason = "done" });

        Assert.Equal([arn], listed);
        var task = Assert.Single(described.Tasks!);
        Assert.Equal(("slipway", "RUNNING"), (task.StartedBy, task.DesiredStatus));
        Assert.Equal("api", Assert.Single(task.Containers!).Name);
        Assert.Equal(("STOPPED", "done"), (stopped.Task?.DesiredStatus, stopped.Task?.StoppedReason));
    }

    [Fact]
    public async Task TagResource_then_ListTagsForResource_returns_the_tags()
    {
        using var ecs = moto.Ecs();
        var arn = (await ecs.CreateClusterAsync(new CreateClusterRequest { ClusterName = Samples.Unique("cluster") })).Cluster!.ClusterArn!;

        await ecs.TagResourceAsync(new TagResourceRequest { ResourceArn = arn, Tags = [new Tag { Key = "owner", Value = "platform" }] });
        var tags = await ecs.ListTagsForResourceAsync(new ListTagsForResourceRequest { ResourceArn = arn });

        Assert.Equal(("owner", "platform"), (Assert.Single(tags.Tags!).Key, tags.Tags![0].Value));
    }

    [Fact]
    public async Task TagResource_of_a_malformed_arn_throws_InvalidParameterException()
    {
        using var ecs = moto.Ecs();

        var error = await Assert.ThrowsAsync<InvalidParameterException>(
            () => ecs.TagResourceAsync(new TagResourceRequest { ResourceArn = "not-an-arn", Tags = [new Tag { Key = "a", Value = "b" }] }));

        Assert.Equal("The ARN provided is invalid.", error.Message);
    }

    [Fact]
    public async Task Each_call_is_logged_at_debug_with_operation_status_and_duration()
    {
        var log = new RecordingLog();
        using var ecs = moto.Ecs(log);

        await ecs.ListTaskDefinitionsAsync(new ListTaskDefinitionsRequest());
        await Assert.ThrowsAsync<ClusterNotFoundException>(() => ecs.DescribeServicesAsync(new DescribeServicesRequest { Cluster = "no-such-cluster", Services = ["api"] }));

        Assert.All(log.Lines, l => Assert.Equal(Slipway.Output.LogLevel.Debug, l.Level));
        Assert.Collection(
            log.Lines,
            l => Assert.Matches(@"^ECS ListTaskDefinitions → 200 \(\d+ ms\)$", l.Message),
            l => Assert.Matches(@"^ECS DescribeServices → 400 ClusterNotFoundException \(\d+ ms\)$", l.Message));
    }
}
