using System.Globalization;
using Slipway.Aws.Deployment.TaskDefinitions;
using Slipway.Aws.Ecs;
using Slipway.Aws.Ecs.Model;
using Task = System.Threading.Tasks.Task;

namespace Slipway.Aws.Promotion;

/// <summary>
/// The mark a task definition gets when a deployment of it succeeded (PRIMARY and COMPLETED): when, and by whom.
/// The registration tags say what a revision is; only this mark says it ever ran well, which is what Rollback,
/// a promotion by version or digest, and Releases need to know.
/// </summary>
public static class DeploymentMarks
{
    public const string DeployedAt = DeploymentTags.Prefix + "deployed-at";

    public const string DeployedBy = DeploymentTags.Prefix + "deployed-by";

    /// <summary>When a rollback took the service away from the revision: it is no way back until deployed again.</summary>
    public const string RolledBackAt = DeploymentTags.Prefix + "rolled-back-at";

    public static async Task MarkSucceededAsync(IAmazonECS ecs, string taskDefinitionArn, string actor, DateTimeOffset at, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(ecs);
        await ecs.TagResourceAsync(new TagResourceRequest
        {
            ResourceArn = taskDefinitionArn,
            Tags =
            [
                new Tag { Key = DeployedAt, Value = Format(at) },
                new Tag { Key = DeployedBy, Value = actor },
            ],
        }, cancellationToken);
    }

    public static async Task MarkRolledBackAsync(IAmazonECS ecs, string taskDefinitionArn, DateTimeOffset at, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(ecs);
        await ecs.TagResourceAsync(new TagResourceRequest { ResourceArn = taskDefinitionArn, Tags = [new Tag { Key = RolledBackAt, Value = Format(at) }] }, cancellationToken);
    }

    public static string Format(DateTimeOffset at) => at.ToUniversalTime().ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture);

    public static DateTimeOffset? Parse(string? value) =>
        DateTimeOffset.TryParse(value, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var at) ? at : null;
}
