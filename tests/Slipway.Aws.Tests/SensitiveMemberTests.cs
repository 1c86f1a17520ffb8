using System.Text.Json.Nodes;
using Slipway.Aws.Ecs.Model;
using Slipway.Aws.Transport;
using KeyValuePair = Slipway.Aws.Ecs.Model.KeyValuePair;

namespace Slipway.Aws.Tests;

/// <summary>What the model marks sensitive is marked on the generated members, masked for display, and sent as it is.</summary>
public sealed class SensitiveMemberTests
{
    private static ContainerDefinition Container() => new()
    {
        Name = "api",
        Image = "api:1",
        Environment = [new KeyValuePair { Name = "DB_PASSWORD", Value = "plain-text-password-0001" }],
        RepositoryCredentials = new RepositoryCredentials { CredentialsParameter = "arn:aws:secretsmanager:us-east-1:123456789012:secret:registry" },
    };

    [Fact]
    public void Display_masks_the_members_the_model_marks_sensitive_and_keeps_the_rest()
    {
        var shown = AwsJson.SerializeForDisplay(new RegisterTaskDefinitionRequest { Family = "api", ContainerDefinitions = [Container()] });

        var container = JsonNode.Parse(shown)!["containerDefinitions"]![0]!;
        Assert.Equal("****", container["environment"]!.GetValue<string>());
        Assert.Equal("****", container["repositoryCredentials"]!.GetValue<string>());
        Assert.Equal(("api", "api:1"), (container["name"]!.GetValue<string>(), container["image"]!.GetValue<string>()));
        Assert.DoesNotContain("plain-text-password-0001", shown, StringComparison.Ordinal);
    }

    [Fact]
    public void The_wire_carries_sensitive_members_unmasked()
    {
        var sent = JsonNode.Parse(AwsJson.Serialize(Container()))!;

        Assert.Equal("plain-text-password-0001", sent["environment"]![0]!["value"]!.GetValue<string>());
    }

    [Fact]
    public void The_generated_members_carry_the_models_sensitive_mark()
    {
        Assert.True(System.Attribute.IsDefined(typeof(ContainerDefinition).GetProperty(nameof(ContainerDefinition.Environment))!, typeof(AwsSensitiveAttribute)));
        Assert.True(System.Attribute.IsDefined(typeof(RepositoryCredentials), typeof(AwsSensitiveAttribute)));
        Assert.False(System.Attribute.IsDefined(typeof(ContainerDefinition).GetProperty(nameof(ContainerDefinition.Image))!, typeof(AwsSensitiveAttribute)));
    }
}
