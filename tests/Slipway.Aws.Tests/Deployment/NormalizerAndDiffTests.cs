using System.Text.Json.Nodes;
using Slipway.Aws.Deployment.TaskDefinitions;
using Slipway.Aws.Ecs.Model;
using Slipway.Aws.Tests.Support;
using KeyValuePair = Slipway.Aws.Ecs.Model.KeyValuePair;

namespace Slipway.Aws.Tests.Deployment;

public sealed class NormalizerAndDiffTests
{
    private const string Template = """
        {
          "family": "api",
          "networkMode": "awsvpc",
          "requiresCompatibilities": ["FARGATE"],
          "cpu": "256", "memory": "512",
          "containerDefinitions": [{
            "name": "api", "image": "r@sha256:1",
            "portMappings": [{ "containerPort": 8080 }],
            "environment": [{ "name": "B", "value": "2" }, { "name": "A", "value": "1" }],
            "secrets": [{ "name": "DB_PASSWORD", "valueFrom": "arn:aws:ssm:us-east-1:123456789012:parameter/db" }]
          }]
        }
        """;

    /// <summary>The same definition as ECS describes it: defaults written out, empty lists, other order, read-only members.</summary>
    private const string Described = """
        {
          "taskDefinitionArn": "arn:aws:ecs:us-east-1:123456789012:task-definition/api:3", "revision": 3, "status": "ACTIVE",
          "family": "api", "networkMode": "awsvpc", "requiresCompatibilities": ["FARGATE"], "compatibilities": ["EC2", "FARGATE"],
          "cpu": "256", "memory": "512", "enableFaultInjection": false,
          "containerDefinitions": [{
            "name": "api", "image": "r@sha256:1", "cpu": 0, "essential": true,
            "portMappings": [{ "containerPort": 8080, "hostPort": 8080, "protocol": "tcp" }],
            "environment": [{ "name": "A", "value": "1" }, { "name": "B", "value": "2" }],
            "secrets": [{ "name": "DB_PASSWORD", "valueFrom": "arn:aws:ssm:us-east-1:123456789012:parameter/db" }],
            "entryPoint": [], "command": []
          }]
        }
        """;

    [Fact]
    public void What_ECS_describes_equals_what_was_registered_after_normalising()
    {
        var rendered = TaskDefinitionReader.Read(Template, "t.json");
        var described = TaskDefinitionReader.Read(Described, "d.json");
        described.Tags = [new Tag { Key = "slipway:version", Value = "1" }];

        Assert.True(TaskDefinitionNormalizer.AreEquivalent(rendered, described));
        Assert.Equal("", TaskDefinitionDiff.Compute(TaskDefinitionNormalizer.Normalize(described), TaskDefinitionNormalizer.Normalize(rendered)));
    }

    [Fact]
    public void A_changed_image_is_a_difference_and_the_diff_shows_it_with_context()
    {
        var rendered = TaskDefinitionReader.Read(Template.Replace("r@sha256:1", "r@sha256:2", StringComparison.Ordinal), "t.json");
        var running = TaskDefinitionReader.Read(Described, "d.json");

        Assert.False(TaskDefinitionNormalizer.AreEquivalent(rendered, running));
        var diff = TaskDefinitionDiff.Compute(TaskDefinitionNormalizer.Normalize(running), TaskDefinitionNormalizer.Normalize(rendered));
        Assert.Contains("-       \"image\": \"r@sha256:1\",", diff, StringComparison.Ordinal);
        Assert.Contains("+       \"image\": \"r@sha256:2\",", diff, StringComparison.Ordinal);
        Assert.Contains("  ...", diff, StringComparison.Ordinal);
    }

    [Fact]
    public void Environment_values_and_secrets_are_masked_on_both_sides_and_a_changed_one_says_so()
    {
        var running = TaskDefinitionReader.Read(Described, "d.json");
        var rendered = TaskDefinitionReader.Read(Template, "t.json");
        rendered.ContainerDefinitions![0].Environment = [new KeyValuePair { Name = "A", Value = "sentinel-new-secret" }, new KeyValuePair { Name = "B", Value = "2" }];
        rendered.ContainerDefinitions![0].Secrets![0].ValueFrom = "arn:aws:secretsmanager:us-east-1:123456789012:secret:sentinel";

        var diff = TaskDefinitionDiff.Compute(TaskDefinitionNormalizer.Normalize(running), TaskDefinitionNormalizer.Normalize(rendered));
        var shown = TaskDefinitionDiff.Show(TaskDefinitionNormalizer.Normalize(rendered));

        Assert.DoesNotContain("sentinel", diff, StringComparison.Ordinal);
        Assert.DoesNotContain("sentinel", shown, StringComparison.Ordinal);
        Assert.DoesNotContain("parameter/db", diff, StringComparison.Ordinal);
        Assert.Contains("+           \"value\": \"**** (changed)\"", diff, StringComparison.Ordinal);
        Assert.Contains("\"valueFrom\": \"**** (changed)\"", diff, StringComparison.Ordinal);
        Assert.Contains("\"name\": \"B\",", shown, StringComparison.Ordinal);
        Assert.DoesNotContain("\"2\"", shown, StringComparison.Ordinal);
    }

    [Fact]
    public void The_masked_members_cover_every_sensitive_shape_the_ECS_model_puts_in_a_container_definition()
    {
        var model = ServiceModel.Ecs;
        var sensitiveMembers = model.Shape("ContainerDefinition").GetProperty("members").EnumerateObject()
            .Where(m => model.Shape(m.Value.GetProperty("shape").GetString()!).TryGetProperty("sensitive", out var flag) && flag.GetBoolean())
            .Select(m => m.Name)
            .Append("secrets")
            .Order(StringComparer.Ordinal);

        Assert.Equal(sensitiveMembers, SensitiveMembers.ContainerMembers.Order(StringComparer.Ordinal));
    }

    [Fact]
    public void A_missing_network_mode_means_bridge_as_ECS_reports_it()
    {
        var withoutMode = TaskDefinitionReader.Read("""{ "family": "f", "containerDefinitions": [{ "name": "a", "image": "i" }] }""", "t.json");
        var bridge = TaskDefinitionReader.Read("""{ "family": "f", "networkMode": "bridge", "containerDefinitions": [{ "name": "a", "image": "i", "essential": true }] }""", "t.json");

        Assert.True(TaskDefinitionNormalizer.AreEquivalent(withoutMode, bridge));
        Assert.Equal("bridge", TaskDefinitionNormalizer.Normalize(withoutMode)["networkMode"]!.GetValue<string>());
        Assert.IsType<JsonObject>(TaskDefinitionNormalizer.Normalize(bridge));
    }
}
