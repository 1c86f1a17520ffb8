using System.Text.Json.Nodes;

namespace Slipway.Aws.Deployment;

/// <summary>How the pipeline wants every repository: immutable tags, scan on push, the lifecycle policy of the repository.</summary>
public sealed record RepositorySettings(string LifecyclePolicyText, IReadOnlyDictionary<string, string> Tags)
{
    public const string TagMutability = "IMMUTABLE";

    public const bool ScanOnPush = true;

    /// <summary>Reads <c>deploy/ecr-lifecycle.json</c>; a malformed file names itself.</summary>
    public static RepositorySettings FromFile(string lifecyclePolicyFile, IReadOnlyDictionary<string, string> tags)
    {
        if (!File.Exists(lifecyclePolicyFile))
        {
            throw new DeployConfigurationException($"{lifecyclePolicyFile} does not exist: the ECR lifecycle policy is read from it.");
        }

        var text = File.ReadAllText(lifecyclePolicyFile);
        try
        {
            if (JsonNode.Parse(text) is not JsonObject policy || policy["rules"] is not JsonArray { Count: > 0 })
            {
                throw new DeployConfigurationException($"{lifecyclePolicyFile}: an ECR lifecycle policy is an object with a non-empty 'rules' list.");
            }

            // Compact: what ECR stores and returns, and well within its 30720-character limit.
            return new RepositorySettings(policy.ToJsonString(), tags);
        }
        catch (System.Text.Json.JsonException e)
        {
            throw new DeployConfigurationException($"{lifecyclePolicyFile}:{e.LineNumber + 1}:{e.BytePositionInLine + 1}: not valid JSON: {e.Message.Split(" LineNumber:", 2)[0]}", e);
        }
    }

    /// <summary>Two policy texts say the same when their JSON is equal, whatever the spacing.</summary>
    public static bool SamePolicy(string? a, string? b) =>
        a is not null && b is not null && JsonNode.DeepEquals(JsonNode.Parse(a), JsonNode.Parse(b));
}
