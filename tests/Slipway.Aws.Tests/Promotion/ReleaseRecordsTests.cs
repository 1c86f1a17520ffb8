using Slipway.Aws.Ecs.Model;
using Slipway.Aws.Promotion;
using static Slipway.Aws.Tests.Deployment.EcsShapes;

namespace Slipway.Aws.Tests.Promotion;

/// <summary>
/// Releases read from task definitions and the refusals built on them, on states shaped as ECS describes them: a
/// revision's image when no container is pinned by its digest, a description without a success, a source running a
/// revision Slipway did not deploy, an environment without deployments or successes.
/// </summary>
public sealed class ReleaseRecordsTests
{
    private const string Digest = "sha256:aaaa";

    private static IList<Tag> Tags => new Aws.Deployment.TaskDefinitions.DeploymentTags("1.4.0", "0123456789abcdef", Digest, "prod", "alice").ToTags();

    [Fact]
    public void A_release_whose_containers_are_not_pinned_by_its_digest_shows_the_first_containers_image()
    {
        var definition = new TaskDefinition
        {
            TaskDefinitionArn = New,
            Revision = 7,
            ContainerDefinitions = [new ContainerDefinition { Name = "api", Image = "repo:1.0.0" }, new ContainerDefinition { Name = "sidecar", Image = "envoy:1" }],
        };

        var release = Release.From(definition, Tags)!;

        Assert.Equal(("repo:1.0.0", New, 7), (release.Image, release.TaskDefinitionArn, release.Revision));
    }

    [Fact]
    public void A_release_of_a_definition_without_containers_or_arn_reads_as_empty_not_as_an_error()
    {
        var release = Release.From(new TaskDefinition { ContainerDefinitions = [] }, Tags)!;

        Assert.Equal(("", ""), (release.Image, release.TaskDefinitionArn));
    }

    [Fact]
    public void A_release_never_deployed_successfully_is_described_without_a_deployment()
    {
        var release = Release.From(new TaskDefinition { TaskDefinitionArn = Old, Revision = 6, ContainerDefinitions = [new ContainerDefinition { Image = "repo@" + Digest }] }, Tags)!;

        Assert.Equal($"1.4.0 (commit 0123456, {Digest}, api:6)", release.Describe());
    }

    [Fact]
    public void A_source_running_a_revision_Slipway_did_not_deploy_is_refused_naming_it()
    {
        var state = new EnvironmentState(ProdEnvironment, Service(Old, [Rollout(OldId, "PRIMARY", Old, "COMPLETED", 2, 2)]), null, []);

        var refused = Assert.Throws<PromotionRefusedException>(() => PromotionSource.Choose(state, null, null));

        Assert.Equal($"'prod' runs {Old}, which Slipway did not deploy (it has no slipway:digest tag): there is no record of its image to promote. Nothing was changed.", refused.Message);
    }

    [Fact]
    public void A_service_without_deployments_is_described_as_having_none()
    {
        var state = new EnvironmentState(ProdEnvironment, Service(Old, []), null, []);

        Assert.Equal("no deployment", state.DescribeDeployments());
        Assert.Equal(
            "'prod' is not steady (no deployment): promote what it runs once its deployment has completed. Nothing was changed.",
            Assert.Throws<PromotionRefusedException>(() => PromotionSource.Choose(state, null, null)).Message);
    }

    [Fact]
    public void Without_any_successful_deployment_a_rollback_is_refused_and_the_sentence_ends_there()
    {
        var current = Release.From(new TaskDefinition { TaskDefinitionArn = New, Revision = 7, ContainerDefinitions = [new ContainerDefinition { Image = "repo@" + Digest }] }, Tags)!;
        var state = new EnvironmentState(ProdEnvironment, Service(New, [Rollout(NewId, "PRIMARY", New, "COMPLETED", 2, 2)]), current, [current]);

        var refused = Assert.Throws<PromotionRefusedException>(() => RollbackTarget.Choose(state));

        Assert.Equal($"'prod' has no successful deployment before the one it runs (1.4.0 (commit 0123456, {Digest}, api:7)), so there is nothing to roll back to. Nothing was changed.", refused.Message);
    }
}
