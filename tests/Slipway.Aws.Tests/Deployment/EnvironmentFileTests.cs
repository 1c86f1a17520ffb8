using System.Text.Json.Nodes;
using Slipway.Aws.Deployment;
using Slipway.Aws.Deployment.Environments;
using Slipway.Aws.Ecs.Model;

namespace Slipway.Aws.Tests.Deployment;

public sealed class EnvironmentFileTests
{
    private const string Valid = """
        {
          "account": "123456789012",
          "region": "eu-west-1",
          "cluster": "c",
          "service": "api",
          "repository": "slipway/api"
        }
        """;

    [Fact]
    public void The_repositorys_environment_files_load_and_local_is_the_local_cloud()
    {
        var files = new EnvironmentFiles(RepositoryFiles.Deploy("environments"));

        Assert.Equal(["local", "production", "staging"], files.Names());
        var local = files.Load("local");
        Assert.Equal((EnvironmentKinds.Local, "000000000000", "us-east-1"), (local.Kind, local.Account, local.Region));
        Assert.Equal(["http://127.0.0.1:4566"], new[] { local.Endpoints.Ecs, local.Endpoints.Ecr, local.Endpoints.Sts }.Distinct());
        var production = files.Load("production");
        Assert.Equal((EnvironmentKinds.Aws, "staging", true), (production.Kind, production.PromoteFrom, production.Protected));
        Assert.Equal("FARGATE_SPOT", production.CapacityProviderStrategy![1].CapacityProvider);
        Assert.Equal("DISABLED", files.Load("staging").NetworkConfiguration!.AwsvpcConfiguration!.AssignPublicIp);
    }

    [Fact]
    public void The_schema_lists_exactly_the_members_the_loader_reads_at_every_level()
    {
        var schema = JsonNode.Parse(File.ReadAllText(RepositoryFiles.Deploy("environment.schema.json")))!;

        static string[] Keys(JsonNode? node) => [.. node!["properties"]!.AsObject().Select(p => p.Key).Where(k => k != "$schema").Order(StringComparer.Ordinal)];

        Assert.Equal(EnvironmentFiles.MemberNames(typeof(DeployEnvironment)).Where(k => k != "$schema"), Keys(schema));
        Assert.Equal(EnvironmentFiles.MemberNames(typeof(EnvironmentEndpoints)), Keys(schema["properties"]!["endpoints"]));
        Assert.Equal(EnvironmentFiles.MemberNames(typeof(CapacityProviderStrategyEntry)), Keys(schema["properties"]!["capacityProviderStrategy"]!["items"]));
        Assert.Equal(EnvironmentFiles.MemberNames(typeof(DeploymentPercentages)), Keys(schema["properties"]!["deploymentConfiguration"]));
        Assert.Equal(EnvironmentFiles.MemberNames(typeof(LoadBalancer)), Keys(schema["properties"]!["loadBalancers"]!["items"]));
        Assert.Equal(EnvironmentFiles.MemberNames(typeof(AwsVpcConfiguration)), Keys(schema["properties"]!["networkConfiguration"]!["properties"]!["awsvpcConfiguration"]));
        Assert.Equal(["account", "cluster", "region", "repository", "service"], schema["required"]!.AsArray().Select(n => n!.ToString()).Order(StringComparer.Ordinal));
    }

    [Fact]
    public void An_unknown_environment_names_the_file_it_looked_for_suggests_the_closest_and_lists_the_valid_ones()
    {
        var files = new EnvironmentFiles(RepositoryFiles.Deploy("environments"));

        var error = Assert.Throws<DeployConfigurationException>(() => files.Load("stagin"));

        Assert.Contains("Unknown environment 'stagin'", error.Message, StringComparison.Ordinal);
        Assert.Contains(Path.Combine("environments", "stagin.json"), error.Message, StringComparison.Ordinal);
        Assert.Contains("Did you mean 'staging'?", error.Message, StringComparison.Ordinal);
        Assert.Contains("Use one of: local, production, staging.", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Malformed_JSON_names_the_file_line_and_column()
    {
        var error = Assert.Throws<DeployConfigurationException>(() => EnvironmentFiles.Parse("{\n  \"account\": \"123456789012\"\n  \"region\": \"eu-west-1\"\n}", "staging", "deploy/environments/staging.json"));

        Assert.StartsWith("deploy/environments/staging.json:3:", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void An_unknown_field_is_an_error_with_its_place_a_suggestion_and_the_valid_fields()
    {
        var json = Valid.Replace("\"cluster\": \"c\",", "\"cluster\": \"c\",\n  \"desiredCont\": 2,", StringComparison.Ordinal);

        var error = Assert.Throws<DeployConfigurationException>(() => EnvironmentFiles.Parse(json, "staging", "staging.json"));

        Assert.StartsWith("staging.json:5:", error.Message, StringComparison.Ordinal);
        Assert.Contains("unknown field 'desiredCont'. Did you mean 'desiredCount'?", error.Message, StringComparison.Ordinal);
        Assert.Contains("Valid fields here: account,", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void An_unknown_nested_field_names_its_parent()
    {
        var json = Valid.Replace("\"cluster\": \"c\",", "\"cluster\": \"c\",\n  \"endpoints\": { \"ecss\": \"http://127.0.0.1:1\" },", StringComparison.Ordinal);

        var error = Assert.Throws<DeployConfigurationException>(() => EnvironmentFiles.Parse(json, "staging", "staging.json"));

        Assert.Contains("unknown field 'ecss' in 'endpoints'. Did you mean 'ecs'?", error.Message, StringComparison.Ordinal);
        Assert.Contains("Valid fields here: ecr, ecs, registry, sts.", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("\"desiredCount\": \"two\",", "'desiredCount' must be a whole number.")]
    [InlineData("\"protected\": \"yes\",", "'protected' must be true or false.")]
    [InlineData("\"variables\": [\"cpu\"],", "'variables' must be an object of names to text values.")]
    [InlineData("\"capacityProviderStrategy\": [{ \"capacityProvider\": \"FARGATE\", \"weight\": \"1\" }],", "'capacityProviderStrategy[0].weight' must be a whole number.")]
    public void A_wrong_type_names_the_field_and_what_it_must_be(string member, string expected)
    {
        var json = Valid.Replace("\"cluster\": \"c\",", "\"cluster\": \"c\",\n  " + member, StringComparison.Ordinal);

        var error = Assert.Throws<DeployConfigurationException>(() => EnvironmentFiles.Parse(json, "staging", "staging.json"));

        Assert.StartsWith("staging.json:5:", error.Message, StringComparison.Ordinal);
        Assert.EndsWith(expected, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Missing_and_invalid_fields_are_all_named_at_once_with_how_to_fix_them()
    {
        const string json = """{ "account": "12345", "region": "Europe", "repository": "Slipway/API", "launchType": "FARGATE", "capacityProviderStrategy": [{ "capacityProvider": "FARGATE" }], "endpoints": { "ecs": "127.0.0.1:4566" } }""";

        var error = Assert.Throws<DeployConfigurationException>(() => EnvironmentFiles.Parse(json, "staging", "staging.json"));

        Assert.StartsWith("staging.json: ", error.Message, StringComparison.Ordinal);
        foreach (var expected in new[]
        {
            "'account' is '12345': an AWS account id is exactly 12 digits",
            "'region' is 'Europe', which is not a region name",
            "'cluster' is missing: add the ECS cluster name",
            "'service' is missing",
            "'repository' is 'Slipway/API': ECR names are lowercase",
            "'launchType' and 'capacityProviderStrategy' exclude each other",
            "'endpoints.ecs' is '127.0.0.1:4566': it must be an absolute http(s) URL",
        })
        {
            Assert.Contains(expected, error.Message, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void PromoteFrom_must_name_another_environment_that_exists()
    {
        var directory = RepositoryFiles.Environments(("staging", Valid), ("production", Valid.Replace("\"cluster\"", "\"promoteFrom\": \"stage\",\n  \"cluster\"", StringComparison.Ordinal)));

        var error = Assert.Throws<DeployConfigurationException>(() => new EnvironmentFiles(directory).Load("production"));

        Assert.Contains("'promoteFrom' names 'stage', which is not an environment here. Use one of: production, staging.", error.Message, StringComparison.Ordinal);
        Directory.Delete(directory, recursive: true);
    }

    [Theory]
    [InlineData("slipway-deploy", "'awsRoleArn' is 'slipway-deploy': give a role ARN such as \"arn:aws:iam::123456789012:role/slipway-deploy-staging\"")]
    [InlineData("arn:aws:iam::999999999999:role/slipway-deploy", "'awsRoleArn' is a role of another account than 'account' (123456789012)")]
    public void AwsRoleArn_must_be_a_role_of_the_environments_account(string role, string expected)
    {
        var text = Valid.Replace("\"cluster\"", $"\"awsRoleArn\": \"{role}\",\n  \"cluster\"", StringComparison.Ordinal);

        var error = Assert.Throws<DeployConfigurationException>(() => EnvironmentFiles.Parse(text, "staging", "staging.json"));

        Assert.Contains(expected, error.Message, StringComparison.Ordinal);
        Assert.Equal("arn:aws:iam::123456789012:role/slipway-deploy-staging", EnvironmentFiles.Parse(Valid.Replace("\"cluster\"", "\"awsRoleArn\": \"arn:aws:iam::123456789012:role/slipway-deploy-staging\",\n  \"cluster\"", StringComparison.Ordinal), "staging", "staging.json").AwsRoleArn);
    }

    [Fact]
    public void Defaults_apply_when_optional_fields_are_left_out()
    {
        var environment = EnvironmentFiles.Parse(Valid, "staging", "staging.json");

        Assert.Equal((EnvironmentKinds.Aws, 1, false, "staging"), (environment.Kind, environment.DesiredCount, environment.Protected, environment.Name));
        Assert.Null(environment.Endpoints.Ecs);
        Assert.Empty(environment.Variables);
    }
}
