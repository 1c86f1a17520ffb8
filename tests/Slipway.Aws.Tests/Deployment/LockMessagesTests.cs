using Microsoft.Extensions.Time.Testing;
using Slipway.Aws.Deployment;
using Slipway.Aws.Deployment.Services;
using Slipway.Aws.Deployment.TaskDefinitions;
using Slipway.Aws.Ecs.Model;
using Slipway.Aws.Tests.Support;
using static Slipway.Aws.Tests.Deployment.EcsShapes;
using Task = System.Threading.Tasks.Task;

namespace Slipway.Aws.Tests.Deployment;

/// <summary>
/// The lock's refusal when ECS leaves things out: a deployment without a creation time or task definition, and a
/// revision whose tags name no actor. The message still reads as a sentence, with placeholders, never blanks.
/// </summary>
public sealed class LockMessagesTests
{
    private readonly FakeTimeProvider time = new(new DateTimeOffset(T0.AddMinutes(4)));

    private DeploymentLock Lock(ScriptedEcs ecs) => new(new TaskDefinitionRegistrar(ecs, new RemoteChanges(dryRun: false, new RecordingLog())), time);

    [Fact]
    public async Task A_deployment_in_progress_without_time_or_task_definition_is_refused_with_placeholders()
    {
        var running = Rollout(OldId, "PRIMARY", null!, "IN_PROGRESS", 1, 2);
        running.CreatedAt = null;
        var service = Service(Old, [running]);

        var refused = await Assert.ThrowsAsync<DeploymentInProgressException>(() => Lock(new ScriptedEcs()).CheckAsync(service, force: false, CancellationToken.None));

        Assert.Equal(
            $"Another deployment {OldId} of ? is in progress on service 'api' since an unknown time: {OldId} PRIMARY IN_PROGRESS ?: 1/2 running, 0 pending. "
            + "Nothing was changed. Wait for it to finish (or roll back), or pass --force to deploy over it.",
            refused.Message);
    }

    [Fact]
    public async Task A_revision_whose_tags_name_no_actor_is_said_to_be_by_an_unknown_actor()
    {
        var ecs = new ScriptedEcs();
        ecs.TaskDefinitions[Old] = new DescribeTaskDefinitionResponse
        {
            TaskDefinition = new TaskDefinition { TaskDefinitionArn = Old, Family = "api", Revision = 6 },
            Tags = new DeploymentTags("1.4.0", "abc1234", "sha256:00", "prod", "").ToTags(),
        };
        var service = Service(Old, [Rollout(OldId, "PRIMARY", Old, "IN_PROGRESS", 1, 2)]);

        var warning = await Lock(ecs).CheckAsync(service, force: true, CancellationToken.None);

        Assert.StartsWith($"--force: deploying although deployment {OldId} of api:6 (version 1.4.0, commit abc1234, by an unknown actor) is in progress on service 'api' since 2026-11-28 03:00:00Z (4 min ago)", warning, StringComparison.Ordinal);
    }
}
