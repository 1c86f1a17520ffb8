using System.Text.Json;
using System.Text.Json.Nodes;
using Slipway.Aws.Ecs.Model;
using Slipway.Aws.Ecs.TaskDefinitions;
using Slipway.Aws.Transport;

namespace Slipway.Aws.Tests;

/// <summary>The strict reader of task-definition files, and its catalogue of malformed files: each error names its path.</summary>
public sealed class TaskDefinitionFileTests
{
    private const string File = "deploy/taskdef.json";

    private const string Minimal = """
        {"family":"api","containerDefinitions":[{"name":"api","image":"api:1","essential":true}]}
        """;

    [Fact]
    public void What_describe_task_definition_prints_is_read_with_the_wrapper_its_tags_merged_and_the_read_only_members_left_out_with_a_note()
    {
        var contents = TaskDefinitionFile.Parse("""
            {
              "taskDefinition": {
                "taskDefinitionArn": "arn:aws:ecs:us-east-1:123456789012:task-definition/api:7",
                "family": "api",
                "revision": 7,
                "status": "ACTIVE",
                "requiresAttributes": [{"name": "com.amazonaws.ecs.capability.logging-driver.awslogs"}],
                "compatibilities": ["EC2", "FARGATE"],
                "registeredAt": 1700000000.123,
                "registeredBy": "arn:aws:iam::123456789012:user/dev",
                "containerDefinitions": [{"name": "api", "image": "api:1", "mountPoints": [{"sourceVolume": "efs", "containerPath": "/data"}]}],
                "volumes": [{"name": "efs", "efsVolumeConfiguration": {"fileSystemId": "fs-1"}}],
                "cpu": "256",
                "memory": "512"
              },
              "tags": [{"key": "team", "value": "payments"}]
            }
            """, File);

        var request = contents.Request;
        Assert.Equal(("api", "256", "512"), (request.Family, request.Cpu, request.Memory));
        Assert.Equal("/data", request.ContainerDefinitions![0].MountPoints![0].ContainerPath);
        Assert.Equal("fs-1", request.Volumes![0].EfsVolumeConfiguration!.FileSystemId);
        Assert.Equal(("team", "payments"), (request.Tags![0].Key, request.Tags[0].Value));
        var note = Assert.Single(contents.Notes);
        Assert.StartsWith($"{File}: left out taskDefinitionArn, revision, status, requiresAttributes, compatibilities, registeredAt, registeredBy:", note, StringComparison.Ordinal);
    }

    [Fact]
    public void A_file_without_the_wrapper_is_the_task_definition_itself()
    {
        var contents = TaskDefinitionFile.Parse(Minimal, File);

        Assert.Equal(("api", "api:1", true), (contents.Request.Family, contents.Request.ContainerDefinitions![0].Image, contents.Request.ContainerDefinitions[0].Essential));
        Assert.Empty(contents.Notes);
    }

    [Fact]
    public void The_read_only_members_are_those_describe_prints_and_register_does_not_take()
    {
        Assert.Equal(
            ["compatibilities", "deleteRequestedAt", "deregisteredAt", "registeredAt", "registeredBy", "requiresAttributes", "revision", "status", "taskDefinitionArn"],
            TaskDefinitionFile.ReadOnlyMembers.Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Wrapper_tags_and_inner_tags_are_merged_and_a_key_with_two_values_is_an_error()
    {
        var merged = TaskDefinitionFile.Parse("""
            {"taskDefinition":{"family":"api","containerDefinitions":[{"name":"api"}],"tags":[{"key":"a","value":"1"}]},"tags":[{"key":"b","value":"2"},{"key":"a","value":"1"}]}
            """, File);
        var error = Assert.Throws<TaskDefinitionFileException>(() => TaskDefinitionFile.Parse("""
            {"taskDefinition":{"family":"api","containerDefinitions":[{"name":"api"}],"tags":[{"key":"a","value":"1"}]},"tags":[{"key":"a","value":"2"}]}
            """, File));

        Assert.Equal(["a=1", "b=2"], merged.Request.Tags!.Select(t => $"{t.Key}={t.Value}"));
        Assert.Equal($"{File}: tags: the tag 'a' is '2' here and '1' in taskDefinition.tags; keep one", error.Message);
    }

    public static TheoryData<string, string, string> MalformedFiles() => new()
    {
        {
            "an unknown member",
            """{"family":"api","containerDefinitions":[{"name":"a"},{"name":"b","mountPoint":[{"sourceVolume":"efs"}]}]}""",
            "containerDefinitions[1].mountPoint: unknown member; did you mean mountPoints?"
        },
        {
            "a misspelt member",
            """{"family":"api","containerDefinitions":[{"name":"api","esential":true}]}""",
            "containerDefinitions[0].esential: unknown member; did you mean essential?"
        },
        {
            "a member nobody could guess",
            """{"family":"api","containerDefinitions":[{"name":"api","healthCheck":{"command":["CMD","true"],"zzzzzzzz":1}}]}""",
            "containerDefinitions[0].healthCheck.zzzzzzzz: unknown member of HealthCheck; its members are command, interval, retries, startPeriod, timeout"
        },
        {
            "a number where the model says string",
            """{"family":"api","cpu":256,"containerDefinitions":[{"name":"api"}]}""",
            "cpu: expected a string, found the number 256; write it in quotes: \"256\""
        },
        {
            "a string where the model says integer",
            """{"family":"api","containerDefinitions":[{"name":"api","memory":"512"}]}""",
            "containerDefinitions[0].memory: expected an integer (32-bit), found the string \"512\""
        },
        {
            "an object where the model says list",
            """{"family":"api","containerDefinitions":[{"name":"api","environment":{"A":"1"}}]}""",
            "containerDefinitions[0].environment: expected a list of KeyValuePair objects, found an object"
        },
        {
            "a string where the model says boolean",
            """{"family":"api","containerDefinitions":[{"name":"api","essential":"yes"}]}""",
            "containerDefinitions[0].essential: expected true or false, found the string \"yes\""
        },
        {
            "a null",
            """{"family":"api","taskRoleArn":null,"containerDefinitions":[{"name":"api"}]}""",
            "taskRoleArn: expected a string, found null; leave the member out instead"
        },
        {
            "CloudFormation's PascalCase keys",
            """{"Family":"api","ContainerDefinitions":[{"Name":"api"}]}""",
            "Family: unknown member; did you mean family? (AWS's JSON names members in camelCase; CloudFormation's PascalCase is not this format)"
        },
        {
            "no containerDefinitions",
            """{"family":"api","cpu":"256"}""",
            "containerDefinitions: required member of RegisterTaskDefinitionRequest is missing"
        },
        {
            "a required member missing deep inside",
            """{"family":"api","containerDefinitions":[{"name":"api","secrets":[{"name":"DB"}]}]}""",
            "containerDefinitions[0].secrets[0].valueFrom: required member of Secret is missing"
        },
        {
            "a wrapper with two task definitions",
            """{"taskDefinition":{"family":"a","containerDefinitions":[]},"taskDefinition":{"family":"b","containerDefinitions":[]}}""",
            "taskDefinition: given twice; a file holds one task definition, keep one"
        },
        {
            "a list of task definitions",
            """{"taskDefinitions":[{"family":"a","containerDefinitions":[]},{"family":"b","containerDefinitions":[]}]}""",
            "taskDefinitions: a file holds one task definition (found 2); keep one, as the whole file or under taskDefinition"
        },
        {
            "an unknown member beside the wrapper",
            """{"taskDefinition":{"family":"a","containerDefinitions":[]},"ResponseMetadata":{}}""",
            "ResponseMetadata: unknown member beside taskDefinition; the wrapper holds only taskDefinition and tags"
        },
        {
            "a problem inside the wrapper",
            """{"taskDefinition":{"family":"a","containerDefinitions":[{"name":"api","portMappings":[{"containerPort":"8080"}]}]}}""",
            "taskDefinition.containerDefinitions[0].portMappings[0].containerPort: expected an integer (32-bit), found the string \"8080\""
        },
        {
            "a member given twice",
            """{"family":"api","family":"web","containerDefinitions":[]}""",
            "family: given twice; keep one"
        },
        {
            "a JSON list instead of an object",
            """[{"family":"api"}]""",
            "(the whole file): expected one task definition (a JSON object), found a list"
        },
        {
            "not JSON",
            "{\n  \"family\": \"api\",\n  containerDefinitions: []\n}",
            "line 3, column 3: not JSON: 'c' is an invalid start of a property name. Expected a '\"'"
        },
        {
            "a trailing comma",
            """{"family":"api","containerDefinitions":[],}""",
            "line 1, column 43: not JSON: a comma before a closing bracket or brace (JSON allows none)"
        },
        {
            "an empty file",
            " \n",
            "the file is empty; it should hold one task definition in AWS's JSON, as 'aws ecs describe-task-definition' prints it"
        },
    };

    [Theory]
    [MemberData(nameof(MalformedFiles))]
    public void A_malformed_file_is_an_error_that_names_the_file_and_the_path(string what, string json, string problem)
    {
        var error = Assert.Throws<TaskDefinitionFileException>(() => TaskDefinitionFile.Parse(json, File));

        Assert.True(error.Problems.Contains(problem), $"{what}: expected the problem\n  {problem}\nbut got\n  {string.Join("\n  ", error.Problems)}");
        Assert.StartsWith(File + ": ", error.Message, StringComparison.Ordinal);
        Assert.Equal(File, error.FilePath);
    }

    [Fact]
    public void PascalCase_keys_are_reported_once_each_without_a_missing_member_for_what_they_meant()
    {
        var error = Assert.Throws<TaskDefinitionFileException>(() => TaskDefinitionFile.Parse("""{"Family":"api","ContainerDefinitions":[{"Name":"api"}]}""", File));

        Assert.Equal(2, error.Problems.Count);
        Assert.StartsWith($"{File}: 2 problems:{Environment.NewLine}  Family: unknown member; did you mean family?", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_missing_file_is_an_error_that_names_it()
    {
        var path = Path.Combine(Path.GetTempPath(), $"slipway-missing-{Guid.NewGuid():N}.json");

        var error = Assert.Throws<TaskDefinitionFileException>(() => TaskDefinitionFile.Load(path));

        Assert.StartsWith($"{path}: cannot be read: ", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void The_file_with_every_member_is_read_without_a_problem_and_nothing_is_lost()
    {
        var text = System.IO.File.ReadAllText(EveryMemberFile);

        var request = TaskDefinitionFile.Parse(text, EveryMemberFile).Request;

        Assert.True(JsonNode.DeepEquals(JsonNode.Parse(text), JsonSerializer.SerializeToNode(request, AwsJson.Options)), "the request should serialize back to the file");
    }

    [Fact]
    public void The_file_with_every_member_has_every_member_of_ContainerDefinition_and_every_kind_of_volume()
    {
        var file = JsonNode.Parse(System.IO.File.ReadAllText(EveryMemberFile))!;

        var containerMembers = file["containerDefinitions"]!.AsArray().SelectMany(c => c!.AsObject().Select(m => m.Key)).ToHashSet();
        var volumeMembers = file["volumes"]!.AsArray().SelectMany(v => v!.AsObject().Select(m => m.Key)).ToHashSet();

        Assert.Empty(Members<ContainerDefinition>().Except(containerMembers));
        Assert.Empty(Members<Volume>().Except(volumeMembers));
        Assert.Empty(Members<RegisterTaskDefinitionRequest>().Except(file.AsObject().Select(m => m.Key)).Except(["enableFaultInjection"]));
    }

    [Fact]
    public void A_described_task_definition_becomes_a_register_request_with_every_member_but_the_read_only_ones()
    {
        var text = System.IO.File.ReadAllText(EveryMemberFile);
        var described = JsonNode.Parse(text)!.AsObject();
        var tags = described["tags"]!.Deserialize<List<Tag>>(AwsJson.Options);
        described.Remove("tags");
        described["taskDefinitionArn"] = "arn:aws:ecs:us-east-1:123456789012:task-definition/every-member:3";
        described["revision"] = 3;
        described["status"] = "ACTIVE";
        described["registeredAt"] = 1700000000.5;
        var definition = described.Deserialize<TaskDefinition>(AwsJson.Options)!;

        var request = TaskDefinitionFile.ToRegisterRequest(definition, tags);

        Assert.True(JsonNode.DeepEquals(JsonNode.Parse(text), JsonSerializer.SerializeToNode(request, AwsJson.Options)));
    }

    internal static string EveryMemberFile => Path.Combine(AppContext.BaseDirectory, "TaskDefinitions", "every-member.json");

    private static IEnumerable<string> Members<T>() => AwsJson.Options.GetTypeInfo(typeof(T)).Properties.Select(p => p.Name);
}
