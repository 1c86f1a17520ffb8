namespace Slipway.LocalCloud.State;

/// <summary>
/// Everything the local cloud knows, in one document written to disk after every change (see <see cref="StateStore"/>).
/// Keys: clusters by name, task definition families by name, services by ARN, tasks by id, repositories by name.
/// </summary>
internal sealed class CloudState
{
    public int SchemaVersion { get; set; } = 1;

    /// <summary>The password inside ECR authorization tokens (no ':', as <c>aws ecr get-login-password</c> needs).</summary>
    public string RegistryPassword { get; set; } = "";

    public Dictionary<string, ClusterRecord> Clusters { get; set; } = new(StringComparer.Ordinal);

    public Dictionary<string, List<TaskDefinitionRecord>> TaskDefinitions { get; set; } = new(StringComparer.Ordinal);

    public Dictionary<string, ServiceRecord> Services { get; set; } = new(StringComparer.Ordinal);

    public Dictionary<string, TaskRecord> Tasks { get; set; } = new(StringComparer.Ordinal);

    public Dictionary<string, RepositoryRecord> Repositories { get; set; } = new(StringComparer.Ordinal);
}
