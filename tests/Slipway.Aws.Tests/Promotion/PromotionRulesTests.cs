using Slipway.Aws.Deployment.Environments;
using Slipway.Aws.Ecs.Model;
using Slipway.Aws.Promotion;

namespace Slipway.Aws.Tests.Promotion;

/// <summary>The environment files' promotion rules and the rollback's choice, as pure logic.</summary>
public sealed class PromotionRulesTests
{
    private static readonly DeployEnvironment Staging = new() { Name = "staging", File = "deploy/environments/staging.json" };

    private static readonly DeployEnvironment Production = new() { Name = "production", File = "deploy/environments/production.json", PromoteFrom = "staging", Protected = true };

    [Fact]
    public void A_target_takes_promotions_only_from_the_environment_its_promoteFrom_names()
    {
        PromotionRules.Check(Staging, Production);

        var wrong = Assert.Throws<PromotionRefusedException>(() => PromotionRules.Check(Staging with { Name = "qa" }, Production));
        var none = Assert.Throws<PromotionRefusedException>(() => PromotionRules.Check(Production, Staging));
        var same = Assert.Throws<PromotionRefusedException>(() => PromotionRules.Check(Staging, Staging));

        Assert.Equal("'production' takes promotions only from 'staging' (\"promoteFrom\" in deploy/environments/production.json), not from 'qa'. Nothing was changed. Promote with --from staging --to production.", wrong.Message);
        Assert.Contains("'staging' takes no promotions: deploy/environments/staging.json has no \"promoteFrom\"", none.Message, StringComparison.Ordinal);
        Assert.Contains("--from and --to both name 'staging'", same.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Rollback_skips_revisions_that_never_succeeded_and_those_after_the_current_success()
    {
        var at = new DateTimeOffset(2026, 11, 1, 12, 0, 0, TimeSpan.Zero);
        var r1 = Release(1, at);
        var r2 = Release(2, at.AddHours(1));
        var r3 = Release(3, null); // registered, rolled back by the circuit breaker: never succeeded
        var r4 = Release(4, at.AddHours(3));
        var service = new Service { TaskDefinition = r4.TaskDefinitionArn };

        Assert.Equal(r2, RollbackTarget.Choose(new EnvironmentState(Staging, service, r4, [r4, r3, r2, r1])));
        // Back on r2 after a rollback (which marked r4 as left), the next rollback goes further back, not forward to r4.
        var onR2 = r2 with { DeployedAt = at.AddHours(4) };
        var leftR4 = r4 with { RolledBackAt = at.AddHours(4) };
        Assert.False(leftR4.Succeeded);
        Assert.Equal(r1, RollbackTarget.Choose(new EnvironmentState(Staging, new Service { TaskDefinition = r2.TaskDefinitionArn }, onR2, [leftR4, r3, onR2, r1])));
        // Deployed again after it was left, r4 is good again.
        Assert.True((leftR4 with { DeployedAt = at.AddHours(5) }).Succeeded);
        // Running a revision that never succeeded: the latest success is the way back.
        Assert.Equal(r4, RollbackTarget.Choose(new EnvironmentState(Staging, new Service { TaskDefinition = r3.TaskDefinitionArn }, r3, [r4, r3, r2, r1])));

        var nothing = Assert.Throws<PromotionRefusedException>(() => RollbackTarget.Choose(new EnvironmentState(Staging, service, r1, [r1])));
        Assert.Contains("has no successful deployment before the one it runs", nothing.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_release_is_read_from_the_task_definition_tags_and_a_revision_without_them_is_none()
    {
        var definition = new TaskDefinition
        {
            TaskDefinitionArn = "arn:aws:ecs:eu-west-1:111111111111:task-definition/api-staging:7",
            Revision = 7,
            ContainerDefinitions = [new ContainerDefinition { Image = "111111111111.dkr.ecr.eu-west-1.amazonaws.com/slipway/api@sha256:" + new string('a', 64) }],
        };
        Tag[] tags =
        [
            new() { Key = "slipway:version", Value = "1.4.0" },
            new() { Key = "slipway:commit", Value = "abcdef0123" },
            new() { Key = "slipway:digest", Value = "sha256:" + new string('a', 64) },
            new() { Key = "slipway:actor", Value = "ci" },
            new() { Key = DeploymentMarks.DeployedAt, Value = "2026-11-01T12:00:00.000Z" },
            new() { Key = DeploymentMarks.DeployedBy, Value = "alice" },
        ];

        var release = Slipway.Aws.Promotion.Release.From(definition, tags)!;

        Assert.Equal(("1.4.0", "api-staging:7", 7, "alice", new DateTimeOffset(2026, 11, 1, 12, 0, 0, TimeSpan.Zero)), (release.Version, release.Name, release.Revision, release.DeployedBy, release.DeployedAt!.Value));
        Assert.Equal($"1.4.0 (commit abcdef0, sha256:{new string('a', 64)}, api-staging:7, deployed 2026-11-01T12:00:00.000Z by alice)", release.Describe());
        Assert.Null(Slipway.Aws.Promotion.Release.From(definition, [new Tag { Key = "team", Value = "x" }]));
    }

    private static Release Release(int revision, DateTimeOffset? deployedAt) => new()
    {
        TaskDefinitionArn = $"arn:aws:ecs:eu-west-1:111111111111:task-definition/api-staging:{revision}",
        Revision = revision,
        Version = $"1.{revision}.0",
        Commit = new string((char)('0' + revision), 40),
        Digest = "sha256:" + new string((char)('0' + revision), 64),
        Image = "repo@sha256:" + new string((char)('0' + revision), 64),
        Actor = "ci",
        DeployedAt = deployedAt,
        DeployedBy = deployedAt is null ? null : "ci",
    };
}
