using Slipway.Aws.Ecs;
using Slipway.Aws.Ecs.Model;

namespace Slipway.Aws.Deployment.TaskDefinitions;

/// <summary>The revision a deploy runs: the latest one reused when it says the same, else a new one.</summary>
public sealed record TaskDefinitionChoice(string Arn, bool Reused, RegisterTaskDefinitionRequest Rendered, RegisterTaskDefinitionRequest? Latest);

/// <summary>
/// Register-or-reuse: compares the rendering with the latest ACTIVE revision of its family after normalising both,
/// and registers (with the deployment's tags) only when they differ. No change, no new revision.
/// </summary>
public sealed class TaskDefinitionRegistrar(IAmazonECS ecs, RemoteChanges changes)
{
    public async Task<TaskDefinitionChoice> RegisterOrReuseAsync(RegisterTaskDefinitionRequest rendered, DeploymentTags tags, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(rendered);
        ArgumentNullException.ThrowIfNull(tags);
        var latest = await DescribeAsync(rendered.Family!, cancellationToken);
        var latestRequest = latest?.TaskDefinition is { } definition ? TaskDefinitionReader.ToRequest(definition, latest.Tags) : null;
        if (latestRequest is not null && TaskDefinitionNormalizer.AreEquivalent(latestRequest, rendered))
        {
            return new TaskDefinitionChoice(latest!.TaskDefinition!.TaskDefinitionArn!, Reused: true, rendered, latestRequest);
        }

        // The template's own tags stay; ours replace any of the same keys.
        var own = tags.ToTags();
        rendered.Tags = [.. (rendered.Tags ?? []).Where(t => !own.Any(o => o.Key == t.Key)), .. own];
        var why = latest is null ? $"the family '{rendered.Family}' has no active revision" : $"it differs from {Revision(latest.TaskDefinition!)}";
        var registered = await changes.MakeAsync($"ECS RegisterTaskDefinition {rendered.Family}", why, () => ecs.RegisterTaskDefinitionAsync(rendered, cancellationToken));
        var arn = registered?.TaskDefinition?.TaskDefinitionArn ?? $"{rendered.Family}:(new revision)";
        return new TaskDefinitionChoice(arn, Reused: false, rendered, latestRequest);
    }

    /// <summary>A revision with its tags, or null when there is none (ECS answers ClientException for an unknown family).</summary>
    public async Task<DescribeTaskDefinitionResponse?> DescribeAsync(string familyOrArn, CancellationToken cancellationToken)
    {
        try
        {
            return await ecs.DescribeTaskDefinitionAsync(new DescribeTaskDefinitionRequest { TaskDefinition = familyOrArn, Include = [TaskDefinitionField.Tags] }, cancellationToken);
        }
        catch (ClientException)
        {
            return null;
        }
    }

    /// <summary>The revision the service runs now, as a request, or null when there is no service.</summary>
    public async Task<RegisterTaskDefinitionRequest?> RunningAsync(string cluster, string service, CancellationToken cancellationToken)
    {
        try
        {
            var described = await ecs.DescribeServicesAsync(new DescribeServicesRequest { Cluster = cluster, Services = [service] }, cancellationToken);
            var running = described.Services?.FirstOrDefault(s => s.Status != "INACTIVE")?.TaskDefinition;
            return running is not null && await DescribeAsync(running, cancellationToken) is { TaskDefinition: { } definition } found
                ? TaskDefinitionReader.ToRequest(definition, found.Tags)
                : null;
        }
        catch (ClusterNotFoundException)
        {
            return null;
        }
    }

    private static string Revision(TaskDefinition definition) => $"{definition.Family}:{definition.Revision}";
}
