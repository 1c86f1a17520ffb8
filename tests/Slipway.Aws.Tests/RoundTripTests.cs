using System.Text.Json;
using System.Text.Json.Nodes;
using Slipway.Aws.Ecs;
using Slipway.Aws.Ecs.Model;
using Slipway.Aws.Ecs.TaskDefinitions;
using Slipway.Aws.Tests.Support;
using Slipway.Aws.Transport;
using Task = System.Threading.Tasks.Task;

namespace Slipway.Aws.Tests;

/// <summary>
/// Nothing of a task definition or a service is lost between a file, the library, moto_server and the AWS CLI (botocore,
/// the reference reader and writer of the models), in either direction.
/// </summary>
[Collection(UsesMoto.Name)]
public sealed class RoundTripTests(MotoServer moto)
{
    private static string EveryMember => File.ReadAllText(TaskDefinitionFileTests.EveryMemberFile);

    private static string ServiceFile(string name) => File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Services", name));

    [Fact]
    public async Task A_task_definition_with_every_member_registered_by_the_library_is_what_aws_ecs_describe_task_definition_prints()
    {
        var family = Samples.Unique("every");
        var file = EveryMember.Replace("\"every-member\"", $"\"{family}\"", StringComparison.Ordinal);
        using var ecs = moto.Ecs();

        await ecs.RegisterTaskDefinitionAsync(TaskDefinitionFile.Parse(file, "every-member.json").Request);
        var described = await AwsCli.RunAsync(moto.Url, "ecs", "describe-task-definition", "--task-definition", family, "--include", "TAGS");

        var (definition, tags) = Split(JsonNode.Parse(file)!.AsObject());
        Assert.Empty(JsonDifferences.Between(definition, WithoutReadOnly(described!["taskDefinition"]!)));
        Assert.Empty(JsonDifferences.Between(tags, described["tags"]));
    }

    [Fact]
    public async Task A_task_definition_with_every_member_registered_by_aws_ecs_register_task_definition_is_what_the_library_describes()
    {
        var family = Samples.Unique("every");
        var file = EveryMember.Replace("\"every-member\"", $"\"{family}\"", StringComparison.Ordinal);
        var path = Path.Combine(Path.GetTempPath(), $"{family}.json");
        await File.WriteAllTextAsync(path, file);
        using var ecs = moto.Ecs();
        try
        {
            await AwsCli.RunAsync(moto.Url, "ecs", "register-task-definition", "--cli-input-json", $"file://{path}");
        }
        finally
        {
            File.Delete(path);
        }

        var described = await ecs.DescribeTaskDefinitionAsync(new DescribeTaskDefinitionRequest { TaskDefinition = family, Include = ["TAGS"] });

        var (definition, tags) = Split(JsonNode.Parse(file)!.AsObject());
        Assert.Empty(JsonDifferences.Between(definition, WithoutReadOnly(JsonSerializer.SerializeToNode(described.TaskDefinition, AwsJson.Options)!)));
        Assert.Empty(JsonDifferences.Between(tags, JsonSerializer.SerializeToNode(described.Tags, AwsJson.Options)));
    }

    [Fact]
    public async Task A_described_revision_registered_again_rollback_style_is_the_same_task_definition()
    {
        var family = Samples.Unique("every");
        var file = EveryMember.Replace("\"every-member\"", $"\"{family}\"", StringComparison.Ordinal);
        using var ecs = moto.Ecs();
        await ecs.RegisterTaskDefinitionAsync(TaskDefinitionFile.Parse(file, "every-member.json").Request);

        var first = await ecs.DescribeTaskDefinitionAsync(new DescribeTaskDefinitionRequest { TaskDefinition = family, Include = ["TAGS"] });
        await ecs.RegisterTaskDefinitionAsync(TaskDefinitionFile.ToRegisterRequest(first.TaskDefinition!, first.Tags));
        var second = await AwsCli.RunAsync(moto.Url, "ecs", "describe-task-definition", "--task-definition", $"{family}:2", "--include", "TAGS");

        Assert.Equal(2, second!["taskDefinition"]!["revision"]!.GetValue<int>());
        var (definition, tags) = Split(JsonNode.Parse(file)!.AsObject());
        Assert.Empty(JsonDifferences.Between(definition, WithoutReadOnly(second["taskDefinition"]!)));
        Assert.Empty(JsonDifferences.Between(tags, second["tags"]));
    }

    [Fact]
    public async Task The_library_sends_the_file_as_the_AWS_CLI_sends_it_member_for_member()
    {
        // Including what moto does not keep (enableFaultInjection): here the wire itself is compared.
        var file = JsonNode.Parse(EveryMember)!.AsObject();
        file["enableFaultInjection"] = true;
        var text = file.ToJsonString();
        using var server = ScriptedServer.Always(new ScriptedResponse(200, """{"taskDefinition":{"family":"every-member","revision":1}}"""));
        using var ecs = new AmazonECSClient(ScriptedClients.Options(server));

        await ecs.RegisterTaskDefinitionAsync(TaskDefinitionFile.Parse(text, "every-member.json").Request);
        await RunCliWithFileAsync(server.Url, text, "ecs", "register-task-definition");

        Assert.Equal(2, server.Received.Count);
        Assert.Empty(JsonDifferences.Between(file, JsonNode.Parse(server.Received[0].BodyText)));
        Assert.Empty(JsonDifferences.Between(file, JsonNode.Parse(server.Received[1].BodyText)));
    }

    [Fact]
    public async Task CreateService_with_capacityProviderStrategy_placementStrategy_and_serviceRegistries_sends_what_the_AWS_CLI_sends()
    {
        var text = ServiceFile("create-service.json");
        using var server = ScriptedServer.Always(new ScriptedResponse(200, """{"service":{"serviceName":"api","status":"ACTIVE"}}"""));
        using var ecs = new AmazonECSClient(ScriptedClients.Options(server));

        await ecs.CreateServiceAsync(JsonSerializer.Deserialize<CreateServiceRequest>(text, AwsJson.Options)!);
        await RunCliWithFileAsync(server.Url, text, "ecs", "create-service");

        var library = JsonNode.Parse(server.Received[0].BodyText)!.AsObject();
        Assert.NotNull(library["clientToken"]); // ours: the same on every retry
        library.Remove("clientToken");
        Assert.Empty(JsonDifferences.Between(JsonNode.Parse(text), library));
        Assert.Empty(JsonDifferences.Between(JsonNode.Parse(text), JsonNode.Parse(server.Received[1].BodyText)));
    }

    [Fact]
    public async Task A_service_with_capacityProviderStrategy_placementStrategy_and_serviceRegistries_is_read_as_the_AWS_CLI_reads_it()
    {
        var response = ServiceFile("describe-services-response.json");
        using var server = ScriptedServer.Always(new ScriptedResponse(200, response));
        using var ecs = new AmazonECSClient(ScriptedClients.Options(server));

        var described = await ecs.DescribeServicesAsync(new DescribeServicesRequest { Cluster = "prod", Services = ["api"] });
        var printed = await AwsCli.RunAsync(server.Url, "ecs", "describe-services", "--cluster", "prod", "--services", "api");

        var library = JsonSerializer.SerializeToNode(described, AwsJson.Options);
        Assert.Empty(JsonDifferences.Between(JsonNode.Parse(response), library));
        Assert.Empty(JsonDifferences.Between(printed, library));
        Assert.Equal("FARGATE_SPOT", described.Services![0].CapacityProviderStrategy![0].CapacityProvider);
    }

    [Fact]
    public async Task The_service_members_moto_keeps_survive_both_directions()
    {
        // moto 5.2.1 keeps serviceRegistries and tags but drops capacityProviderStrategy, placementStrategy,
        // placementConstraints and deploymentConfiguration on CreateService; those are compared on the wire above.
        using var ecs = moto.Ecs();
        var cluster = Samples.Unique("cluster");
        await ecs.CreateClusterAsync(new CreateClusterRequest { ClusterName = cluster, CapacityProviders = ["FARGATE", "FARGATE_SPOT"] });
        await ecs.RegisterTaskDefinitionAsync(Samples.TaskDefinition("api"));
        var input = JsonNode.Parse(ServiceFile("create-service.json"))!.AsObject();
        input["cluster"] = cluster;
        input["taskDefinition"] = "api";
        input.Remove("networkConfiguration");

        var byLibrary = input.DeepClone().AsObject();
        byLibrary["serviceName"] = "by-library";
        await ecs.CreateServiceAsync(byLibrary.Deserialize<CreateServiceRequest>(AwsJson.Options)!);
        var printed = await AwsCli.RunAsync(moto.Url, "ecs", "describe-services", "--cluster", cluster, "--services", "by-library", "--include", "TAGS");

        var byCli = input.DeepClone().AsObject();
        byCli["serviceName"] = "by-cli";
        await RunCliWithFileAsync(moto.Url, byCli.ToJsonString(), "ecs", "create-service");
        var described = await ecs.DescribeServicesAsync(new DescribeServicesRequest { Cluster = cluster, Services = ["by-cli"], Include = ["TAGS"] });

        foreach (var member in new[] { "serviceRegistries", "tags", "desiredCount", "schedulingStrategy" })
        {
            Assert.Empty(JsonDifferences.Between(input[member], printed!["services"]![0]![member], member));
            Assert.Empty(JsonDifferences.Between(input[member], JsonSerializer.SerializeToNode(described.Services![0], AwsJson.Options)![member], member));
        }
    }

    private static async Task RunCliWithFileAsync(string url, string json, params string[] command)
    {
        var path = Path.Combine(Path.GetTempPath(), $"slipway-cli-input-{Guid.NewGuid():N}.json");
        await File.WriteAllTextAsync(path, json);
        try
        {
            await AwsCli.RunAsync(url, [.. command, "--cli-input-json", $"file://{path}"]);
        }
        finally
        {
            File.Delete(path);
        }
    }

    private static (JsonObject Definition, JsonNode? Tags) Split(JsonObject file)
    {
        var tags = file["tags"]?.DeepClone();
        file.Remove("tags");
        return (file, tags);
    }

    private static JsonObject WithoutReadOnly(JsonNode described)
    {
        var copy = described.DeepClone().AsObject();
        foreach (var member in TaskDefinitionFile.ReadOnlyMembers)
        {
            copy.Remove(member);
        }

        return copy;
    }
}
