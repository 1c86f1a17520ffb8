using Slipway.Aws.Deployment.TaskDefinitions;
using Slipway.Aws.Ecs.Model;

namespace Slipway.Aws.Promotion;

/// <summary>
/// One revision of an environment's task definition as its tags record it: what it runs (version, commit, digest,
/// image) and, when a deployment of it succeeded, the last time it did and who deployed it.
/// </summary>
public sealed record Release
{
    public required string TaskDefinitionArn { get; init; }

    public required int Revision { get; init; }

    public required string Version { get; init; }

    public required string Commit { get; init; }

    public required string Digest { get; init; }

    /// <summary>The image the first essential container runs (<c>repository@sha256:…</c>).</summary>
    public required string Image { get; init; }

    /// <summary>Who registered it (the deploy's actor).</summary>
    public required string Actor { get; init; }

    /// <summary>The last time a deployment of it succeeded; null when none ever did.</summary>
    public DateTimeOffset? DeployedAt { get; init; }

    public string? DeployedBy { get; init; }

    /// <summary>When a rollback last took the service away from it.</summary>
    public DateTimeOffset? RolledBackAt { get; init; }

    /// <summary>A deployment of it succeeded, and no rollback has left it since.</summary>
    public bool Succeeded => DeployedAt is { } at && (RolledBackAt is not { } left || left < at);

    /// <summary><c>family:revision</c>.</summary>
    public string Name => TaskDefinitionArn[(TaskDefinitionArn.LastIndexOf('/') + 1)..];

    /// <summary>A one-line description for messages: <c>1.4.0 (commit abc1234, sha256:…, api:7)</c>.</summary>
    public string Describe() => $"{Version} (commit {Short(Commit)}, {Digest}, {Name}{(DeployedAt is { } at ? $", deployed {DeploymentMarks.Format(at)} by {DeployedBy}" : "")})";

    /// <summary>The release a described revision records, or null when Slipway did not deploy it (no digest tag).</summary>
    public static Release? From(TaskDefinition definition, IEnumerable<Tag>? tags)
    {
        ArgumentNullException.ThrowIfNull(definition);
        var list = tags?.ToList() ?? [];
        if (DeploymentTags.From(list) is not { Digest.Length: > 0 } recorded)
        {
            return null;
        }

        string? Tag(string key) => list.FirstOrDefault(t => t.Key == key)?.Value;
        var image = definition.ContainerDefinitions?.FirstOrDefault(c => c.Image?.EndsWith("@" + recorded.Digest, StringComparison.Ordinal) == true)?.Image
            ?? definition.ContainerDefinitions?.FirstOrDefault()?.Image ?? "";
        return new Release
        {
            TaskDefinitionArn = definition.TaskDefinitionArn ?? "",
            Revision = definition.Revision ?? 0,
            Version = recorded.Version,
            Commit = recorded.Commit,
            Digest = recorded.Digest,
            Image = image,
            Actor = recorded.Actor,
            DeployedAt = DeploymentMarks.Parse(Tag(DeploymentMarks.DeployedAt)),
            DeployedBy = Tag(DeploymentMarks.DeployedBy),
            RolledBackAt = DeploymentMarks.Parse(Tag(DeploymentMarks.RolledBackAt)),
        };
    }

    private static string Short(string commit) => commit.Length > 7 ? commit[..7] : commit;
}
