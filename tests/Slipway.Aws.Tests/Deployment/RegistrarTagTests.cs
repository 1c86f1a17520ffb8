using Slipway.Aws.Deployment;
using Slipway.Aws.Deployment.Environments;
using Slipway.Aws.Deployment.TaskDefinitions;
using Slipway.Aws.Ecs.Model;
using Slipway.Aws.Tests.Support;
using Task = System.Threading.Tasks.Task;

namespace Slipway.Aws.Tests.Deployment;

/// <summary>The tags a new revision is registered with, and the names an unknown environment is answered with.</summary>
[Collection(UsesMoto.Name)]
public sealed class RegistrarTagTests(MotoServer moto)
{
    [Fact]
    public async Task A_new_revision_keeps_the_templates_own_tags_and_ours_replace_any_of_the_same_key()
    {
        using var ecs = moto.Ecs();
        var family = Samples.Unique("registrar-tags");
        var rendered = new RegisterTaskDefinitionRequest
        {
            Family = family,
            ContainerDefinitions = [new ContainerDefinition { Name = "api", Image = "api:1", Memory = 128 }],
            Tags = [new Tag { Key = "team", Value = "web" }, new Tag { Key = "slipway:version", Value = "stale" }],
        };
        var tags = new DeploymentTags("1.2.0", "abc123", "sha256:0f", "staging", "ci");

        var choice = await new TaskDefinitionRegistrar(ecs, new RemoteChanges(false, new RecordingLog())).RegisterOrReuseAsync(rendered, tags, CancellationToken.None);

        var described = await ecs.DescribeTaskDefinitionAsync(new DescribeTaskDefinitionRequest { TaskDefinition = choice.Arn, Include = ["TAGS"] });
        Assert.False(choice.Reused);
        Assert.Equal(
            ["slipway:actor=ci", "slipway:commit=abc123", "slipway:digest=sha256:0f", "slipway:environment=staging", "slipway:version=1.2.0", "team=web"],
            described.Tags!.Select(t => $"{t.Key}={t.Value}").Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Tags_read_back_give_empty_text_for_what_a_revision_does_not_say()
    {
        var read = DeploymentTags.From([new Tag { Key = "slipway:version", Value = null }, new Tag { Key = "slipway:commit", Value = "abc123" }]);

        Assert.Equal(new DeploymentTags("", "abc123", "", "", ""), read);
    }

    [Fact]
    public void An_unknown_environment_far_from_every_name_gets_no_suggestion_only_the_list()
    {
        var files = new EnvironmentFiles(RepositoryFiles.Deploy("environments"));

        var error = Assert.Throws<DeployConfigurationException>(() => files.Load("qqqqqqqqqq"));

        Assert.Equal($"Unknown environment 'qqqqqqqqqq': there is no {Path.Combine(files.Directory, "qqqqqqqqqq.json")}. Use one of: local, production, staging.", error.Message);
    }
}
