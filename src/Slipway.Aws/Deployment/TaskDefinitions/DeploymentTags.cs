using Slipway.Aws.Ecs.Model;

namespace Slipway.Aws.Deployment.TaskDefinitions;

/// <summary>
/// What a deployed task definition says about itself, as tags: the record of a deployment lives on the revision the
/// service runs, so Promote and Rollback need no other store.
/// </summary>
public sealed record DeploymentTags(string Version, string Commit, string Digest, string Environment, string Actor)
{
    public const string Prefix = "slipway:";

    public IList<Tag> ToTags() =>
    [
        new Tag { Key = Prefix + "version", Value = Version },
        new Tag { Key = Prefix + "commit", Value = Commit },
        new Tag { Key = Prefix + "digest", Value = Digest },
        new Tag { Key = Prefix + "environment", Value = Environment },
        new Tag { Key = Prefix + "actor", Value = Actor },
    ];

    /// <summary>The tags read back, or null when the revision was not deployed by Slipway.</summary>
    public static DeploymentTags? From(IEnumerable<Tag>? tags)
    {
        var map = (tags ?? []).Where(t => t.Key is not null).ToDictionary(t => t.Key!, t => t.Value ?? "", StringComparer.Ordinal);
        string Get(string name) => map.TryGetValue(Prefix + name, out var value) ? value : "";
        return map.Keys.Any(k => k.StartsWith(Prefix, StringComparison.Ordinal))
            ? new DeploymentTags(Get("version"), Get("commit"), Get("digest"), Get("environment"), Get("actor"))
            : null;
    }
}
