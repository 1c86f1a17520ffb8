using System.Reflection;
using System.Text.Json;
using System.Text.Json.Nodes;
using Slipway.Aws.Ecr;
using Slipway.Aws.Ecs;
using Slipway.Aws.Tests.Support;
using Slipway.Aws.Transport;

namespace Slipway.Aws.Tests;

/// <summary>
/// Our request and response types against the official models: a misspelt member, a wrong kind, an invented enum
/// value or a missing required member fails here before AWS ever sees it.
/// </summary>
public sealed class ModelConformanceTests
{
    public static TheoryData<string, string> Operations()
    {
        var data = new TheoryData<string, string>();
        foreach (var (service, type) in new[] { ("ECR", typeof(IAmazonECR)), ("ECS", typeof(IAmazonECS)) })
        {
            foreach (var method in type.GetMethods().Where(m => m.Name.EndsWith("Async", StringComparison.Ordinal)))
            {
                data.Add(service, method.Name[..^"Async".Length]);
            }
        }

        return data;
    }

    [Fact]
    public void The_clients_offer_every_operation_the_pipeline_needs()
    {
        var operations = Operations().Select(row => $"{row[0]} {row[1]}").ToHashSet();

        string[] needed =
        [
            "ECR GetAuthorizationToken", "ECR CreateRepository", "ECR DescribeRepositories", "ECR DescribeImages", "ECR BatchGetImage", "ECR PutImage",
            "ECR BatchDeleteImage", "ECR PutLifecyclePolicy", "ECR GetLifecyclePolicy", "ECR PutImageScanningConfiguration", "ECR PutImageTagMutability",
            "ECR TagResource", "ECS CreateCluster", "ECS DescribeClusters", "ECS RegisterTaskDefinition", "ECS DescribeTaskDefinition",
            "ECS ListTaskDefinitions", "ECS DeregisterTaskDefinition", "ECS CreateService", "ECS UpdateService", "ECS DescribeServices", "ECS ListTasks",
            "ECS DescribeTasks", "ECS RunTask", "ECS StopTask", "ECS TagResource", "ECS ListTagsForResource",
        ];
        Assert.Empty(needed.Except(operations));
    }

    [Theory]
    [MemberData(nameof(Operations))]
    public void A_fully_populated_request_serializes_to_the_operations_input_shape(string service, string operation)
    {
        var (model, method) = Resolve(service, operation);
        var requestType = method.GetParameters()[0].ParameterType;
        var (input, _) = model.Operation(operation) ?? throw new InvalidOperationException($"{service} has no operation {operation}");
        Assert.Equal(input, requestType.Name);

        Assert.Empty(model.CheckType(requestType, input, requireRequired: true));
        var json = RoundTrip(model.Populate(requestType, input), requestType);
        Assert.Empty(model.CheckJson(json, input));
    }

    [Theory]
    [MemberData(nameof(Operations))]
    public void A_fully_populated_response_matches_the_operations_output_shape_and_round_trips(string service, string operation)
    {
        var (model, method) = Resolve(service, operation);
        var responseType = method.ReturnType.GetGenericArguments()[0];
        var (_, output) = model.Operation(operation)!.Value;
        Assert.Equal(output, responseType.Name);

        Assert.Empty(model.CheckType(responseType, output, requireRequired: false));
        var json = RoundTrip(model.Populate(responseType, output), responseType);
        Assert.Empty(model.CheckJson(json, output));
    }

    [Fact]
    public void The_task_definition_the_pipeline_registers_fits_RegisterTaskDefinitionRequest()
    {
        var json = JsonSerializer.SerializeToNode(Samples.TaskDefinition("api"), AwsJson.Options);

        Assert.Empty(ServiceModel.Ecs.CheckJson(json, "RegisterTaskDefinitionRequest"));
        Assert.Equal("ASPNETCORE_URLS", json!["containerDefinitions"]![0]!["environment"]![0]!["name"]!.GetValue<string>());
        Assert.Equal("/ecs/api", json["containerDefinitions"]![0]!["logConfiguration"]!["options"]!["awslogs-group"]!.GetValue<string>());
    }

    [Fact]
    public void A_misspelt_member_fails_the_type_check_and_the_json_check()
    {
        var typeProblems = ServiceModel.Ecs.CheckType(typeof(MisspeltRegisterTaskDefinitionRequest), "RegisterTaskDefinitionRequest", requireRequired: true);
        var jsonProblems = ServiceModel.Ecs.CheckJson(JsonNode.Parse("""{"family":"api","containerDefinitions":[{"name":"api","esential":true}]}"""), "RegisterTaskDefinitionRequest");

        Assert.Contains(typeProblems, p => p.StartsWith("RegisterTaskDefinitionRequest.containerDefinitons: no such member", StringComparison.Ordinal));
        Assert.Contains(typeProblems, p => p.EndsWith("required member containerDefinitions has no C# property", StringComparison.Ordinal));
        Assert.Equal(["RegisterTaskDefinitionRequest.containerDefinitions[].esential: no such member in ContainerDefinition"], jsonProblems);
    }

    [Fact]
    public void A_wrong_kind_or_an_invented_enum_value_fails_the_json_check()
    {
        var problems = ServiceModel.Ecs.CheckJson(
            JsonNode.Parse("""{"family":"api","containerDefinitions":[{"name":"api","cpu":"256"}],"networkMode":"bridged"}"""),
            "RegisterTaskDefinitionRequest");

        Assert.Equal(
            ["RegisterTaskDefinitionRequest.containerDefinitions[].cpu: the model says integer (Integer), the JSON has String", "RegisterTaskDefinitionRequest.networkMode: 'bridged' is not one of NetworkMode's values"],
            problems);
    }

    [Theory]
    [InlineData("ECR")]
    [InlineData("ECS")]
    public void Every_error_the_model_declares_for_our_operations_has_its_own_exception_type(string service)
    {
        var (model, errors) = service == "ECR"
            ? (ServiceModel.Ecr, Slipway.Aws.Ecr.EcrErrors.ByCode)
            : (ServiceModel.Ecs, Slipway.Aws.Ecs.EcsErrors.ByCode);
        var declared = Operations().Where(row => (string)row[0] == service).SelectMany(row => model.ErrorsOf((string)row[1])).ToHashSet();

        Assert.All(declared, code => Assert.Equal(code, ErrorClassifier.ToException(new AwsErrorDetails(code, "m", System.Net.HttpStatusCode.BadRequest), errors).GetType().Name));
    }

    [Theory]
    [InlineData("ECR")]
    [InlineData("ECS")]
    public void Every_constants_class_lists_exactly_the_values_of_its_enum_in_the_model(string service)
    {
        var model = service == "ECR" ? ServiceModel.Ecr : ServiceModel.Ecs;
        var ns = service == "ECR" ? "Slipway.Aws.Ecr.Model" : "Slipway.Aws.Ecs.Model";
        var classes = typeof(AwsJson).Assembly.GetTypes().Where(t => t.Namespace == ns && t.IsAbstract && t.IsSealed).ToList();

        Assert.NotEmpty(classes);
        Assert.All(classes, c => Assert.Equal(
            model.Shape(c.Name).GetProperty("enum").EnumerateArray().Select(v => v.GetString()!).Order(),
            c.GetFields().Select(f => (string)f.GetRawConstantValue()!).Order()));
    }

    [Fact]
    public void The_service_descriptions_agree_with_the_models_metadata()
    {
        foreach (var (description, model) in new[] { (AwsServiceDescription.Ecr, ServiceModel.Ecr), (AwsServiceDescription.Ecs, ServiceModel.Ecs) })
        {
            var metadata = model.Root.GetProperty("metadata");
            Assert.Equal(
                (metadata.GetProperty("serviceId").GetString(), metadata.GetProperty("signingName").GetString(), metadata.GetProperty("endpointPrefix").GetString(), metadata.GetProperty("targetPrefix").GetString()),
                (description.ServiceId, description.SigningName, description.EndpointPrefix, description.TargetPrefix));
        }
    }

    public static TheoryData<string, string> GeneratedShapes()
    {
        var data = new TheoryData<string, string>();
        foreach (var type in typeof(AwsJson).Assembly.GetExportedTypes().Where(IsShape).OrderBy(t => t.FullName, StringComparer.Ordinal))
        {
            data.Add(type.Namespace == "Slipway.Aws.Ecr.Model" ? "ECR" : "ECS", type.Name);
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(GeneratedShapes))]
    public void Every_member_of_a_generated_shape_is_in_the_model_and_every_member_of_the_model_is_in_the_shape(string service, string shapeName)
    {
        var model = service == "ECR" ? ServiceModel.Ecr : ServiceModel.Ecs;
        var type = typeof(AwsJson).Assembly.GetType($"Slipway.Aws.{(service == "ECR" ? "Ecr" : "Ecs")}.Model.{shapeName}")!;
        var shape = model.Shape(shapeName);
        var properties = AwsJson.Options.GetTypeInfo(type).Properties;
        var members = shape.GetProperty("members").EnumerateObject().ToList();
        var required = shape.TryGetProperty("required", out var list) ? list.EnumerateArray().Select(r => r.GetString()!).ToHashSet() : [];

        Assert.Equal("structure", shape.GetProperty("type").GetString());
        Assert.Equal(members.Select(m => m.Name).Order(StringComparer.Ordinal), properties.Select(p => p.Name).Order(StringComparer.Ordinal));
        Assert.Empty(model.CheckType(type, shapeName, requireRequired: true));
        Assert.Equal(
            required.Order(StringComparer.Ordinal),
            properties.Where(p => p.AttributeProvider!.IsDefined(typeof(AwsRequiredAttribute), false)).Select(p => p.Name).Order(StringComparer.Ordinal));
        Assert.Equal(
            members.Where(m => model.Shape(m.Value.GetProperty("shape").GetString()!).TryGetProperty("sensitive", out var s) && s.GetBoolean()).Select(m => m.Name).Order(StringComparer.Ordinal),
            properties.Where(p => p.AttributeProvider!.IsDefined(typeof(AwsSensitiveAttribute), false)).Select(p => p.Name).Order(StringComparer.Ordinal));
    }

    [Theory]
    [InlineData("ECR", "ImageDetail")]
    [InlineData("ECS", "ContainerDefinition")]
    public void Every_structure_the_clients_operations_reach_has_a_generated_type(string service, string oneOfThem)
    {
        var model = service == "ECR" ? ServiceModel.Ecr : ServiceModel.Ecs;
        var generated = GeneratedShapes().Where(row => (string)row[0] == service).Select(row => (string)row[1]).ToHashSet();
        var operations = Operations().Where(row => (string)row[0] == service).Select(row => (string)row[1]);

        var reachable = model.ReachableStructures(operations).ToList();

        Assert.Contains(oneOfThem, reachable);
        Assert.Empty(reachable.Except(generated));
        Assert.Empty(generated.Except(reachable));
    }

    private static bool IsShape(Type type)
        => type is { IsClass: true, IsAbstract: false } && !typeof(Exception).IsAssignableFrom(type)
            && type.Namespace is "Slipway.Aws.Ecr.Model" or "Slipway.Aws.Ecs.Model";

    private static (ServiceModel Model, MethodInfo Method) Resolve(string service, string operation)
        => service == "ECR"
            ? (ServiceModel.Ecr, typeof(IAmazonECR).GetMethod(operation + "Async")!)
            : (ServiceModel.Ecs, typeof(IAmazonECS).GetMethod(operation + "Async")!);

    /// <summary>Serialize, read back, serialize again: the local cloud reads what the clients write, and vice versa.</summary>
    private static JsonNode? RoundTrip(object value, Type type)
    {
        var first = JsonSerializer.Serialize(value, type, AwsJson.Options);
        var second = JsonSerializer.Serialize(JsonSerializer.Deserialize(first, type, AwsJson.Options), type, AwsJson.Options);
        Assert.Equal(first, second);
        return JsonNode.Parse(first);
    }

    private sealed class MisspeltRegisterTaskDefinitionRequest
    {
        public string? Family { get; set; }

        public IList<Slipway.Aws.Ecs.Model.ContainerDefinition>? ContainerDefinitons { get; set; }
    }
}
