using Slipway.Aws.Deployment;
using Slipway.Aws.Deployment.TaskDefinitions;

namespace Slipway.Aws.Tests.Deployment;

/// <summary>A placeholder's value written into a number or boolean member, or the message that says where to correct it.</summary>
public sealed class TypedValueMessageTests
{
    private const string Digest = "sha256:b5b2b2c507a0944348e0303114d8d93aaaa081732b86451d9bce1f432a537bc7";

    private static TemplateValues Values(Dictionary<string, string>? variables = null, Dictionary<string, string>? environment = null) => new()
    {
        Image = "123456789012.dkr.ecr.eu-west-1.amazonaws.com/slipway/api@" + Digest,
        Version = "1.4.1",
        Commit = "0123456789abcdef0123456789abcdef01234567",
        Environment = "staging",
        Variables = variables ?? [],
        VariablesFile = "deploy/environments/staging.json",
        GetEnvironmentVariable = name => environment?.GetValueOrDefault(name),
    };

    private static (string? Written, string? Problem) Write(SlotKind kind, string placeholder, string value)
    {
        var written = TypedValue.Write(new TypedSlot("p.q", kind), placeholder, value, Values(), out var problem);
        return (written, problem);
    }

    [Fact]
    public void A_long_or_a_number_member_takes_the_value_as_written_in_json()
    {
        Assert.Equal(("-9000000000", null), Write(SlotKind.Long, "var:n", " -9000000000 "));
        Assert.Equal(("0.5", null), Write(SlotKind.Number, "var:n", "0.5"));
        Assert.Equal(("1500", null), Write(SlotKind.Number, "var:n", "1.5e3"));
    }

    [Fact]
    public void A_value_of_the_wrong_kind_says_what_the_member_takes_and_how_to_write_it_where_it_comes_from()
    {
        Assert.Equal(
            (null, "p.q: '{{var:n}}' is \"many\", but the member takes an integer; write the value in deploy/environments/staging.json as digits, e.g. \"512\""),
            Write(SlotKind.Long, "var:n", "many"));
        Assert.Equal(
            (null, "p.q: '{{var:n}}' is \"half\", but the member takes a number; write the value in deploy/environments/staging.json as a number, e.g. \"0.5\""),
            Write(SlotKind.Number, "var:n", "half"));
        Assert.Equal(
            (null, "p.q: '{{var:n}}' is \"Infinity\", but the member takes a number; write the value in deploy/environments/staging.json as a number, e.g. \"0.5\""),
            Write(SlotKind.Number, "var:n", "Infinity"));
    }

    [Fact]
    public void A_value_from_the_process_environment_is_not_echoed_and_the_variable_is_named()
    {
        Assert.Equal(
            (null, "p.q: '{{env:DB_PORT}}' is not of that kind, but the member takes an integer (32-bit); write the value in the environment variable DB_PORT as digits, e.g. \"512\""),
            Write(SlotKind.Integer, "env:DB_PORT", "s3cret"));
    }

    [Fact]
    public void A_built_in_placeholder_in_a_number_member_asks_for_a_variable_instead()
    {
        Assert.Equal(
            (null, "p.q: '{{version}}' is \"1.4.1\", but the member takes an integer (32-bit); write the value in a variable ({{var:NAME}}) instead as digits, e.g. \"512\""),
            Write(SlotKind.Integer, "version", "1.4.1"));
    }

    [Fact]
    public void A_template_without_containers_or_without_a_family_is_refused_with_an_example()
    {
        var noContainers = Assert.Throws<DeployConfigurationException>(
            () => TaskDefinitionTemplate.Render("""{ "family": "api", "containerDefinitions": [] }""", "deploy/taskdef.json", Values()));
        var noFamily = Assert.Throws<DeployConfigurationException>(
            () => TaskDefinitionTemplate.Render("""{ "family": " ", "containerDefinitions": [{ "name": "api", "image": "{{image}}" }] }""", "deploy/taskdef.json", Values()));

        Assert.Equal("deploy/taskdef.json: 'containerDefinitions' is empty: a task definition needs at least one container.", noContainers.Message);
        Assert.Equal("deploy/taskdef.json: 'family' is missing: name the task definition family, e.g. \"api-{{environment}}\".", noFamily.Message);
    }

    [Fact]
    public void A_placeholder_inside_an_unknown_member_is_reported_as_the_unknown_member_not_as_a_crash()
    {
        const string template = """{ "family": "api", "containerDefinitions": [{ "name": "api", "image": "{{image}}", "limits": { "memory": "{{var:memory}}" } }] }""";

        var error = Assert.Throws<DeployConfigurationException>(() => TaskDefinitionTemplate.Render(template, "deploy/taskdef.json", Values(new() { ["memory"] = "512" })));

        Assert.StartsWith("deploy/taskdef.json: containerDefinitions[0].limits: unknown member", error.Message, StringComparison.Ordinal);
    }
}
