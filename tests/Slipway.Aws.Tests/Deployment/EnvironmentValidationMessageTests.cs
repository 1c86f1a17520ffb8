using Slipway.Aws.Deployment;
using Slipway.Aws.Deployment.Environments;

namespace Slipway.Aws.Tests.Deployment;

/// <summary>The whole message a user reads for each value an environment file may not hold, and the file named first.</summary>
public sealed class EnvironmentValidationMessageTests
{
    private const string File = "deploy/environments/staging.json";

    private static string Environment(string extra, string account = "123456789012") => $$"""
        {
          "account": "{{account}}",
          "region": "eu-west-1",
          "cluster": "c",
          "service": "api",
          "repository": "slipway/api"{{extra}}
        }
        """;

    private static string Refusal(string json) =>
        Assert.Throws<DeployConfigurationException>(() => EnvironmentFiles.Parse(json, "staging", File)).Message;

    public static TheoryData<string, string> Refused => new()
    {
        { Environment(""", "kind": "cloud" """), $"{File}: 'kind' is 'cloud': use \"aws\" or \"local\"." },
        { Environment(""", "desiredCount": -1 """), $"{File}: 'desiredCount' is -1: it must be 0 or more." },
        { Environment(""", "launchType": "SPOT" """), $"{File}: 'launchType' is 'SPOT': use one of FARGATE, EC2, EXTERNAL, MANAGED_INSTANCES." },
        {
            Environment(""", "endpoints": { "registry": "http://127.0.0.1:5000" } """),
            $"{File}: 'endpoints.registry' is 'http://127.0.0.1:5000': give host[:port] only, e.g. \"127.0.0.1:5000\"."
        },
        {
            Environment(""", "endpoints": { "registry": "127.0.0.1:5000/v2" } """),
            $"{File}: 'endpoints.registry' is '127.0.0.1:5000/v2': give host[:port] only, e.g. \"127.0.0.1:5000\"."
        },
        {
            Environment(""", "awsRoleArn": "deploy" """, account: ""),
            $"{File}: 'account' is missing: add the 12-digit AWS account id, e.g. \"123456789012\"; "
            + "'awsRoleArn' is 'deploy': give a role ARN such as \"arn:aws:iam::111111111111:role/slipway-deploy-staging\"."
        },
        { Environment(""", "promoteFrom": "staging" """), $"{File}: 'promoteFrom' names this environment itself." },
    };

    [Theory]
    [MemberData(nameof(Refused))]
    public void A_value_the_file_may_not_hold_is_refused_with_the_file_the_field_and_how_to_fix_it(string json, string message)
    {
        Assert.Equal(message, Refusal(json));
    }

    [Fact]
    public void Zero_tasks_a_known_launch_type_a_registry_host_and_port_and_another_promotion_source_are_accepted()
    {
        var environment = EnvironmentFiles.Parse(
            Environment(""", "kind": "local", "desiredCount": 0, "launchType": "EC2", "endpoints": { "registry": "127.0.0.1:5000" }, "promoteFrom": "dev" """),
            "staging",
            File);

        Assert.Equal((0, "EC2", "127.0.0.1:5000", "dev", true), (environment.DesiredCount, environment.LaunchType, environment.Endpoints.Registry, environment.PromoteFrom, environment.IsLocal));
    }

    [Fact]
    public void An_environment_without_a_kind_is_aws_and_not_local()
    {
        Assert.False(EnvironmentFiles.Parse(Environment(""), "staging", File).IsLocal);
    }
}
