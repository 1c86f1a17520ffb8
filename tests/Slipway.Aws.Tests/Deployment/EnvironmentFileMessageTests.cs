using Slipway.Aws.Deployment;
using Slipway.Aws.Deployment.Environments;

namespace Slipway.Aws.Tests.Deployment;

/// <summary>The whole message for an environment file that cannot be read as one: where, which field, what it must be.</summary>
public sealed class EnvironmentFileMessageTests
{
    private const string File = "deploy/environments/staging.json";

    private static string Refusal(string json) =>
        Assert.Throws<DeployConfigurationException>(() => EnvironmentFiles.Parse(json, "staging", File)).Message;

    public static TheoryData<string, string> Unreadable => new()
    {
        { "null", $"{File}: the file holds 'null'; it must be a JSON object (see deploy/environment.schema.json)." },
        { "{\n  \"cluster\": 5\n}", $"{File}:2:15: 'cluster' must be text (in double quotes)." },
        { "{\n  \"variables\": { \"PORT\": 8080 }\n}", $"{File}:2:30: 'variables.PORT' must be text (in double quotes)." },
        { "{\n  \"loadBalancers\": {}\n}", $"{File}:2:21: 'loadBalancers' must be a list ([...])." },
        { "{\n  \"desiredCount\": 1.5\n}", $"{File}:2:22: 'desiredCount' must be a whole number." },
        { "{\n  \"protected\": 1\n}", $"{File}:2:17: 'protected' must be true or false." },
        {
            "{\n  \"endpoints\": { \"ecs\": \"http://127.0.0.1:4566\", }\n}",
            $"{File}:2:50: not valid JSON at 'endpoints': The JSON object contains a trailing comma at the end which is not supported in this mode. Change the reader options."
        },
        {
            "{\n  \"tags\": { \"team\": \"web\" \"owner\": \"ops\" }\n}",
            $"{File}:2:27: not valid JSON at 'tags.team': '\"' is invalid after a value. Expected either ',', '}}', or ']'."
        },
        {
            "{\n  \"acount\": \"123456789012\"\n}",
            $"{File}:2:12: unknown field 'acount'. Did you mean 'account'? Valid fields here: account, awsRoleArn, capacityProviderStrategy, cluster, "
            + "deploymentConfiguration, desiredCount, endpoints, healthCheckGracePeriodSeconds, kind, launchType, loadBalancers, networkConfiguration, "
            + "promoteFrom, protected, region, repository, service, tags, variables."
        },
    };

    [Theory]
    [MemberData(nameof(Unreadable))]
    public void A_file_that_is_not_an_environment_is_refused_with_where_and_what_the_field_must_be(string json, string message)
    {
        Assert.Equal(message, Refusal(json));
    }

    [Fact]
    public void An_environment_asked_of_a_directory_without_any_says_to_add_a_file()
    {
        var directory = Path.Combine(Path.GetTempPath(), $"slipway-no-environments-{Guid.NewGuid():N}");

        var error = Assert.Throws<DeployConfigurationException>(() => new EnvironmentFiles(directory).Load("staging"));

        Assert.Equal($"Unknown environment 'staging': there is no {Path.Combine(directory, "staging.json")}. Add an environment file there first.", error.Message);
    }
}
