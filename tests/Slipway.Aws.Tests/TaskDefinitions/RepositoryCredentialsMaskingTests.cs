using System.Text.Json.Nodes;
using Slipway.Aws.Deployment.TaskDefinitions;

namespace Slipway.Aws.Tests.TaskDefinitions;

/// <summary>A private registry's credentials secret is never shown; a diff still says whether it changed.</summary>
public sealed class RepositoryCredentialsMaskingTests
{
    private static JsonObject Definition(string credentialsParameter) => JsonNode.Parse($$"""
        { "family": "api", "containerDefinitions": [ { "name": "api", "image": "private.example/api:1", "repositoryCredentials": { "credentialsParameter": "{{credentialsParameter}}" } } ] }
        """)!.AsObject();

    private static string? Shown(JsonObject masked) => masked["containerDefinitions"]![0]!["repositoryCredentials"]!["credentialsParameter"]?.ToString();

    [Fact]
    public void Alone_the_credentials_are_masked_and_nothing_else_changes()
    {
        var definition = Definition("arn:aws:secretsmanager:eu-west-1:123456789012:secret:registry-a");

        var masked = SensitiveMembers.Masked(definition);

        Assert.Equal("****", Shown(masked));
        Assert.Equal("private.example/api:1", masked["containerDefinitions"]![0]!["image"]!.ToString());
        Assert.Equal("arn:aws:secretsmanager:eu-west-1:123456789012:secret:registry-a", Shown(definition));
    }

    [Fact]
    public void Against_the_same_credentials_they_read_masked_and_against_others_changed()
    {
        var definition = Definition("arn:aws:secretsmanager:eu-west-1:123456789012:secret:registry-a");

        Assert.Equal("****", Shown(SensitiveMembers.Masked(definition, Definition("arn:aws:secretsmanager:eu-west-1:123456789012:secret:registry-a"))));
        Assert.Equal("**** (changed)", Shown(SensitiveMembers.Masked(definition, Definition("arn:aws:secretsmanager:eu-west-1:123456789012:secret:registry-b"))));
        Assert.Equal("****", Shown(SensitiveMembers.Masked(definition, Definition("arn:aws:secretsmanager:eu-west-1:123456789012:secret:registry-b"), markChanges: false)));
    }
}
