using System.Text.Json;
using Slipway.Aws.Deployment.Environments;
using Slipway.Aws.Deployment.TaskDefinitions;
using Slipway.Aws.Ecs;
using Slipway.Aws.Ecs.Model;
using Slipway.Aws.Transport;

namespace Slipway.Aws.Deployment.Services;

/// <summary>
/// Creates the service when it is missing (circuit breaker with rollback on) and updates it otherwise; a deploy of
/// what already runs, steady, calls nothing unless forced; one that finds its task definition still rolling out joins
/// that rollout. Refuses while another deployment is in progress.
/// </summary>
public sealed class ServiceDeployer(IAmazonECS ecs, RemoteChanges changes, DeploymentLock deploymentLock, TimeProvider time)
{
    /// <param name="described">The service as the caller just described it (saves a call); null to describe it here.</param>
    /// <param name="release">The release deployed: a rollout of the same release in progress is no conflict.</param>
    public async Task<ServiceDeployment> DeployAsync(DeployEnvironment environment, string taskDefinitionArn, bool force, CancellationToken cancellationToken, Service? described = null, DeploymentTags? release = null)
    {
        ArgumentNullException.ThrowIfNull(environment);
        var existing = described ?? await DescribeAsync(environment.Cluster, environment.Service, cancellationToken);
        var earlierEvents = (existing?.Events ?? []).Select(e => e.Id ?? "").ToHashSet(StringComparer.Ordinal);
        var requestedAt = time.GetUtcNow();
        var deployment = new ServiceDeployment
        {
            Cluster = environment.Cluster,
            Service = environment.Service,
            TaskDefinitionArn = taskDefinitionArn,
            Action = ServiceAction.Unchanged,
            PreviousTaskDefinitionArn = existing?.TaskDefinition,
            RequestedAt = requestedAt,
            EarlierEventIds = earlierEvents,
        };

        if (existing is null)
        {
            var created = await changes.MakeAsync($"ECS CreateService {environment.Service}", $"the service does not exist in cluster '{environment.Cluster}'",
                () => ecs.CreateServiceAsync(CreateRequest(environment, taskDefinitionArn), cancellationToken));
            return deployment with { Action = ServiceAction.Created, DeploymentId = OurDeployment(created?.Service, taskDefinitionArn) };
        }

        var differences = Differences(existing, environment, taskDefinitionArn);
        if (differences.Count == 0 && ServiceDeployments.IsSteady(existing) && !force)
        {
            return deployment with { DeploymentId = ServiceDeployments.PrimaryOf(existing)?.Id };
        }

        if (differences.Count == 0 && !force && ServiceDeployments.Joinable(existing) is { } rolling
            && ServiceDeployments.SameTaskDefinition(rolling.TaskDefinition, taskDefinitionArn))
        {
            // An earlier run updated the service and stopped before the rollout ended: wait for that rollout, and
            // should it fail, the service goes back to what ran before it, not to this task definition.
            var before = existing.Deployments?.FirstOrDefault(d => d.Id != rolling.Id)?.TaskDefinition;
            return deployment with { Action = ServiceAction.Joined, DeploymentId = rolling.Id, PreviousTaskDefinitionArn = before };
        }

        var warning = await deploymentLock.CheckAsync(existing, force, cancellationToken, release);
        var why = differences.Count > 0 ? string.Join(", ", differences) : force ? "--force: a new deployment of the same task definition" : "the last deployment did not settle";
        var updated = await changes.MakeAsync($"ECS UpdateService {environment.Service}", why,
            () => ecs.UpdateServiceAsync(UpdateRequest(environment, taskDefinitionArn, forceNewDeployment: differences.Count == 0), cancellationToken));
        return deployment with { Action = ServiceAction.Updated, DeploymentId = OurDeployment(updated?.Service, taskDefinitionArn), Warning = warning };
    }

    /// <summary>The ACTIVE (or DRAINING) service, or null when there is none to update.</summary>
    public async Task<Service?> DescribeAsync(string cluster, string service, CancellationToken cancellationToken)
    {
        try
        {
            var described = await ecs.DescribeServicesAsync(new DescribeServicesRequest { Cluster = cluster, Services = [service] }, cancellationToken);
            return described.Services?.FirstOrDefault(s => s.Status != "INACTIVE");
        }
        catch (ClusterNotFoundException)
        {
            return null;
        }
    }

    private static List<string> Differences(Service existing, DeployEnvironment environment, string taskDefinitionArn)
    {
        var differences = new List<string>();
        if (!ServiceDeployments.SameTaskDefinition(existing.TaskDefinition, taskDefinitionArn))
        {
            differences.Add($"task definition {ServiceDeployments.FamilyRevision(existing.TaskDefinition ?? "none")} → {ServiceDeployments.FamilyRevision(taskDefinitionArn)}");
        }

        if (existing.DesiredCount != environment.DesiredCount)
        {
            differences.Add($"desired count {existing.DesiredCount} → {environment.DesiredCount}");
        }

        if (environment.NetworkConfiguration is { } network && !SameJson(existing.NetworkConfiguration, network))
        {
            differences.Add("network configuration");
        }

        return differences;
    }

    private static bool SameJson<T>(T? a, T b) =>
        a is not null && JsonSerializer.Serialize(a, AwsJson.Options) == JsonSerializer.Serialize(b, AwsJson.Options);

    /// <summary>The PRIMARY deployment of our task definition in a create/update response.</summary>
    private static string? OurDeployment(Service? service, string taskDefinitionArn) =>
        service?.Deployments?.FirstOrDefault(d => d.Status == ServiceDeployments.Primary && ServiceDeployments.SameTaskDefinition(d.TaskDefinition, taskDefinitionArn))?.Id;

    private static CreateServiceRequest CreateRequest(DeployEnvironment environment, string taskDefinitionArn) => new()
    {
        Cluster = environment.Cluster,
        ServiceName = environment.Service,
        TaskDefinition = taskDefinitionArn,
        DesiredCount = environment.DesiredCount,
        LaunchType = environment.LaunchType,
        CapacityProviderStrategy = Strategy(environment),
        NetworkConfiguration = environment.NetworkConfiguration,
        LoadBalancers = environment.LoadBalancers is { Count: > 0 } balancers ? [.. balancers] : null,
        HealthCheckGracePeriodSeconds = environment.HealthCheckGracePeriodSeconds,
        DeploymentConfiguration = Configuration(environment),
        DeploymentController = new DeploymentController { Type = DeploymentControllerType.Ecs },
        SchedulingStrategy = SchedulingStrategy.Replica,
        Tags = environment.Tags.Count > 0 ? [.. environment.Tags.Select(t => new Tag { Key = t.Key, Value = t.Value })] : null,
        PropagateTags = PropagateTags.Service,
    };

    private static UpdateServiceRequest UpdateRequest(DeployEnvironment environment, string taskDefinitionArn, bool forceNewDeployment) => new()
    {
        Cluster = environment.Cluster,
        Service = environment.Service,
        TaskDefinition = taskDefinitionArn,
        DesiredCount = environment.DesiredCount,
        CapacityProviderStrategy = Strategy(environment),
        NetworkConfiguration = environment.NetworkConfiguration,
        HealthCheckGracePeriodSeconds = environment.HealthCheckGracePeriodSeconds,
        DeploymentConfiguration = Configuration(environment),
        ForceNewDeployment = forceNewDeployment ? true : null,
    };

    private static List<CapacityProviderStrategyItem>? Strategy(DeployEnvironment environment) =>
        environment.CapacityProviderStrategy is { Count: > 0 } strategy
            ? [.. strategy.Select(s => new CapacityProviderStrategyItem { CapacityProvider = s.CapacityProvider, Weight = s.Weight, Base = s.Base })]
            : null;

    /// <summary>The circuit breaker is always on, with rollback: a broken image never stays deployed.</summary>
    private static DeploymentConfiguration Configuration(DeployEnvironment environment) => new()
    {
        DeploymentCircuitBreaker = new DeploymentCircuitBreaker { Enable = true, Rollback = true },
        MinimumHealthyPercent = environment.DeploymentConfiguration?.MinimumHealthyPercent,
        MaximumPercent = environment.DeploymentConfiguration?.MaximumPercent,
    };
}
