using Slipway.Aws.Deployment;
using Slipway.Aws.Deployment.Environments;
using Slipway.Aws.Deployment.TaskDefinitions;

namespace Slipway.Aws.Tests.Deployment;

public sealed class TaskDefinitionTemplateTests
{
    private const string Digest = "sha256:b5b2b2c507a0944348e0303114d8d93aaaa081732b86451d9bce1f432a537bc7";
    private const string Image = "123456789012.dkr.ecr.eu-west-1.amazonaws.com/slipway/api@" + Digest;

    private static TemplateValues Values(Dictionary<string, string>? variables = null, Dictionary<string, string>? environment = null) => new()
    {
        Image = Image,
        Version = "1.4.1-alpha.0.3",
        Commit = "0123456789abcdef0123456789abcdef01234567",
        Environment = "staging",
        Variables = variables ?? new Dictionary<string, string> { ["cpu"] = "256", ["memory"] = "512", ["region"] = "eu-west-1", ["executionRoleArn"] = "arn:aws:iam::111111111111:role/x" },
        VariablesFile = "deploy/environments/staging.json",
        GetEnvironmentVariable = name => environment?.GetValueOrDefault(name),
    };

    [Fact]
    public void The_repositorys_template_renders_for_every_environment_with_the_image_pinned_by_digest()
    {
        var files = new EnvironmentFiles(RepositoryFiles.Deploy("environments"));
        var template = File.ReadAllText(RepositoryFiles.Deploy("taskdef.json"));
        foreach (var name in files.Names())
        {
            var environment = files.Load(name);
            var rendered = TaskDefinitionTemplate.Render(template, "deploy/taskdef.json", Values(new Dictionary<string, string>(environment.Variables)) with { Environment = name });

            Assert.Equal($"slipway-api-{name}", rendered.Family);
            var api = Assert.Single(rendered.ContainerDefinitions!);
            Assert.Equal(Image, api.Image);
            Assert.Equal(name, api.Environment!.Single(e => e.Name == "SLIPWAY_ENVIRONMENT").Value);
            Assert.Equal(environment.Variables["region"], api.LogConfiguration!.Options!["awslogs-region"]);
        }
    }

    [Fact]
    public void Values_are_escaped_as_JSON_inside_their_strings()
    {
        const string template = """{ "family": "f-{{environment}}", "containerDefinitions": [{ "name": "a", "image": "{{image}}", "environment": [{ "name": "GREETING", "value": "{{var:greeting}}" }] }] }""";

        var rendered = TaskDefinitionTemplate.Render(template, "t.json", Values(new Dictionary<string, string> { ["greeting"] = "say \"hi\"\n\\ok" }));

        Assert.Equal("say \"hi\"\n\\ok", rendered.ContainerDefinitions![0].Environment![0].Value);
    }

    [Fact]
    public void Several_containers_render_and_only_the_one_asking_for_it_gets_the_image()
    {
        const string template = """
            {
              "family": "api",
              "containerDefinitions": [
                { "name": "api", "image": "{{image}}", "essential": true },
                { "name": "envoy", "image": "public.ecr.aws/appmesh/aws-appmesh-envoy:v1.29.6.0-prod", "essential": false, "environment": [{ "name": "VERSION", "value": "{{version}}" }, { "name": "TOKEN", "value": "{{env:SIDECAR_TOKEN}}" }] }
              ]
            }
            """;

        var rendered = TaskDefinitionTemplate.Render(template, "t.json", Values(environment: new() { ["SIDECAR_TOKEN"] = "from-env" }));

        Assert.Equal([Image, "public.ecr.aws/appmesh/aws-appmesh-envoy:v1.29.6.0-prod"], rendered.ContainerDefinitions!.Select(c => c.Image));
        Assert.Equal(["1.4.1-alpha.0.3", "from-env"], rendered.ContainerDefinitions![1].Environment!.Select(e => e.Value));
    }

    [Fact]
    public void Unknown_and_unresolved_placeholders_are_all_reported_with_file_line_and_column()
    {
        const string template = "{\n  \"family\": \"api-{{enviroment}}\",\n  \"containerDefinitions\": [{ \"name\": \"api\", \"image\": \"{{image}}\", \"environment\": [{ \"name\": \"X\", \"value\": \"{{env:NOT_SET_ANYWHERE}}\" }] }],\n  \"cpu\": \"{{var:cpus}}\"\n}";

        var error = Assert.Throws<DeployConfigurationException>(() => TaskDefinitionTemplate.Render(template, "deploy/taskdef.json", Values(new() { ["cpu"] = "256" })));

        var lines = error.Message.Split(Environment.NewLine);
        Assert.Equal(3, lines.Length);
        Assert.Equal("deploy/taskdef.json:2:18: unknown placeholder '{{enviroment}}'. Did you mean 'environment'? Known: {{image}}, {{version}}, {{commit}}, {{environment}}, {{var:NAME}}, {{env:NAME}}", lines[0]);
        Assert.Equal("deploy/taskdef.json:3:108: '{{env:NOT_SET_ANYWHERE}}' has no value: the environment variable NOT_SET_ANYWHERE is not set", lines[1]);
        Assert.Equal("deploy/taskdef.json:4:11: '{{var:cpus}}' has no value: add \"cpus\" to \"variables\" in deploy/environments/staging.json Did you mean 'cpu'?", lines[2]);
    }

    [Fact]
    public void An_unknown_member_is_reported_where_it_is_written_before_any_placeholder_is_looked_at()
    {
        const string template = "{\n  \"family\": \"api\",\n  \"containerDefinitions\": [{ \"name\": \"api\", \"image\": \"{{image}}\",\n    \"memoryReservaton\": 256 }]\n}";

        var error = Assert.Throws<DeployConfigurationException>(() => TaskDefinitionTemplate.Render(template, "deploy/taskdef.json", Values()));

        Assert.StartsWith("deploy/taskdef.json: containerDefinitions[0].memoryReservaton", error.Message, StringComparison.Ordinal);
        Assert.Contains("memoryReservation", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_placeholder_filling_a_number_or_boolean_member_becomes_a_JSON_number_or_boolean()
    {
        const string template = """
            {
              "family": "api",
              "containerDefinitions": [{
                "name": "api", "image": "{{image}}", "memory": "{{var:memory}}", "essential": "{{var:essential}}",
                "portMappings": [{ "containerPort": "{{var:port}}", "name": "http-{{var:port}}" }],
                "healthCheck": { "command": ["CMD", "true"], "retries": "{{env:RETRIES}}" }
              }]
            }
            """;

        var rendered = TaskDefinitionTemplate.Render(template, "t.json", Values(new() { ["memory"] = "512", ["essential"] = "true", ["port"] = "8080" }, new() { ["RETRIES"] = "3" }));

        var api = rendered.ContainerDefinitions![0];
        Assert.Equal(512, api.Memory);
        Assert.True(api.Essential);
        Assert.Equal(8080, api.PortMappings![0].ContainerPort);
        Assert.Equal("http-8080", api.PortMappings[0].Name);
        Assert.Equal(3, api.HealthCheck!.Retries);
    }

    [Fact]
    public void A_value_that_is_not_a_number_for_a_number_member_is_an_error_naming_the_path_and_the_variable()
    {
        const string template = "{\n  \"family\": \"api\",\n  \"containerDefinitions\": [{ \"name\": \"api\", \"image\": \"{{image}}\",\n    \"memory\": \"{{var:memory}}\", \"essential\": \"{{var:essential}}\" }]\n}";

        var error = Assert.Throws<DeployConfigurationException>(() => TaskDefinitionTemplate.Render(template, "deploy/taskdef.json", Values(new() { ["memory"] = "512MiB", ["essential"] = "yes" })));

        var lines = error.Message.Split(Environment.NewLine);
        Assert.Equal(2, lines.Length);
        Assert.Equal("deploy/taskdef.json:4:16: containerDefinitions[0].memory: '{{var:memory}}' is \"512MiB\", but the member takes an integer (32-bit); write the value in deploy/environments/staging.json as digits, e.g. \"512\"", lines[0]);
        Assert.StartsWith("deploy/taskdef.json:4:47: containerDefinitions[0].essential: '{{var:essential}}' is \"yes\", but the member takes true or false", lines[1], StringComparison.Ordinal);
    }

    [Fact]
    public void A_placeholder_inside_a_longer_string_cannot_fill_a_number_member()
    {
        const string template = """{ "family": "api", "containerDefinitions": [{ "name": "api", "image": "{{image}}", "memory": "{{var:memory}}0" }] }""";

        var error = Assert.Throws<DeployConfigurationException>(() => TaskDefinitionTemplate.Render(template, "t.json", Values(new() { ["memory"] = "51" })));

        Assert.Contains("containerDefinitions[0].memory: expected an integer (32-bit), found the string", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_template_whose_containers_never_use_the_image_is_refused()
    {
        const string template = """{ "family": "api", "containerDefinitions": [{ "name": "api", "image": "nginx:latest" }] }""";

        var error = Assert.Throws<DeployConfigurationException>(() => TaskDefinitionTemplate.Render(template, "t.json", Values()));

        Assert.Contains("no container's 'image' is \"{{image}}\"", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void An_image_that_is_not_pinned_by_digest_is_refused()
    {
        Assert.Throws<ArgumentException>(() => TaskDefinitionTemplate.Render("{}", "t.json", Values() with { Image = "slipway/api:latest" }));
    }

    [Fact]
    public void The_output_of_describe_task_definition_is_read_as_it_is_printed()
    {
        const string described = """
            {
              "taskDefinition": {
                "taskDefinitionArn": "arn:aws:ecs:us-east-1:123456789012:task-definition/api:7",
                "family": "api", "revision": 7, "status": "ACTIVE", "compatibilities": ["EC2", "FARGATE"],
                "containerDefinitions": [{ "name": "api", "image": "x@sha256:00", "cpu": 0, "essential": true }],
                "registeredAt": 1764298800.123, "registeredBy": "arn:aws:iam::123456789012:user/ci"
              },
              "tags": [{ "key": "slipway:version", "value": "1.0.0" }]
            }
            """;

        var request = TaskDefinitionReader.Read(described, "described.json");

        Assert.Equal("api", request.Family);
        Assert.Equal("1.0.0", Assert.Single(request.Tags!).Value);
    }
}
