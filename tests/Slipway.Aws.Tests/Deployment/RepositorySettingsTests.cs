using Slipway.Aws.Deployment;

namespace Slipway.Aws.Tests.Deployment;

/// <summary>The ECR lifecycle policy file: read compact, or refused with the file, the place and what it must hold.</summary>
public sealed class RepositorySettingsTests : IDisposable
{
    private readonly string directory = Directory.CreateTempSubdirectory("slipway-lifecycle-").FullName;

    public void Dispose() => Directory.Delete(directory, recursive: true);

    private string Write(string text)
    {
        var file = Path.Combine(directory, "ecr-lifecycle.json");
        File.WriteAllText(file, text);
        return file;
    }

    private static string Refusal(string file) =>
        Assert.Throws<DeployConfigurationException>(() => RepositorySettings.FromFile(file, new Dictionary<string, string>())).Message;

    [Fact]
    public void A_policy_is_read_compact_with_the_tags_given()
    {
        var tags = new Dictionary<string, string> { ["team"] = "web" };

        var settings = RepositorySettings.FromFile(Write("{\n  \"rules\": [ { \"rulePriority\": 1 } ]\n}\n"), tags);

        Assert.Equal("""{"rules":[{"rulePriority":1}]}""", settings.LifecyclePolicyText);
        Assert.Same(tags, settings.Tags);
    }

    [Fact]
    public void A_missing_file_is_named_with_what_it_is_for()
    {
        var file = Path.Combine(directory, "absent.json");

        Assert.Equal($"{file} does not exist: the ECR lifecycle policy is read from it.", Refusal(file));
    }

    [Theory]
    [InlineData("""{ "rules": [] }""")]
    [InlineData("""[ { "rulePriority": 1 } ]""")]
    public void A_policy_without_rules_says_what_a_policy_is(string text)
    {
        var file = Write(text);

        Assert.Equal($"{file}: an ECR lifecycle policy is an object with a non-empty 'rules' list.", Refusal(file));
    }

    [Fact]
    public void Text_that_is_not_json_is_refused_at_its_line_and_column()
    {
        var file = Write("{\n  \"rules\": [ x ]\n}");

        Assert.Equal($"{file}:2:14: not valid JSON: 'x' is an invalid start of a value.", Refusal(file));
    }
}
