using System.Globalization;
using Slipway.Aws.Ecs.Model;
using Slipway.Aws.Transport;
using Slipway.LocalCloud.Protocol;
using Slipway.LocalCloud.State;

namespace Slipway.LocalCloud.Ecs;

/// <summary>Task definitions: families of revisions (numbered from 1, never reused), ACTIVE until deregistered.</summary>
internal sealed class TaskDefinitionOperations(StateStore store, CloudIdentity identity, TimeProvider time)
{
    private static readonly string[] NetworkModes = ["bridge", "host", "awsvpc", "none"];

    public RegisterTaskDefinitionResponse RegisterTaskDefinition(RegisterTaskDefinitionRequest request)
    {
        Validate(request);
        return store.Mutate(state =>
        {
            var family = request.Family!;
            if (!state.TaskDefinitions.TryGetValue(family, out var revisions))
            {
                revisions = [];
                state.TaskDefinitions[family] = revisions;
            }

            var revision = revisions.Count == 0 ? 1 : revisions.Max(r => r.Definition.Revision ?? 0) + 1;
            // Every member the request shares with the definition is kept as sent (volumes, proxy, placement, ...).
            var definition = AwsJson.Deserialize<TaskDefinition>(AwsJson.Serialize(request));
            definition.TaskDefinitionArn = identity.TaskDefinitionArn(family, revision);
            definition.Revision = revision;
            definition.Status = "ACTIVE";
            definition.ContainerDefinitions = [.. definition.ContainerDefinitions!.Select(c => WithDefaults(c, request.NetworkMode))];
            definition.NetworkMode ??= "bridge";
            definition.Volumes ??= [];
            definition.PlacementConstraints ??= [];
            definition.RequiresAttributes ??= [];
            definition.Compatibilities = request.NetworkMode == "awsvpc" && request.Cpu is not null && request.Memory is not null ? ["EC2", "FARGATE"] : ["EC2"];
            definition.EnableFaultInjection ??= false;
            definition.RegisteredAt = time.GetUtcNow().UtcDateTime;
            definition.RegisteredBy = CloudIdentity.CallerArn;
            var record = new TaskDefinitionRecord { Definition = definition, Tags = [.. request.Tags ?? []] };
            revisions.Add(record);
            return new RegisterTaskDefinitionResponse
            {
                TaskDefinition = ModelCopy.Of(definition),
                Tags = record.Tags.Count > 0 ? [.. record.Tags] : null,
            };
        });
    }

    public DescribeTaskDefinitionResponse DescribeTaskDefinition(DescribeTaskDefinitionRequest request)
    {
        if (string.IsNullOrEmpty(request.TaskDefinition))
        {
            throw ApiError.Client("TaskDefinition can not be blank.");
        }

        return store.Read(state =>
        {
            var record = Find(state, request.TaskDefinition, activeOnly: false)
                ?? throw ApiError.Client("Unable to describe task definition.");
            return new DescribeTaskDefinitionResponse
            {
                TaskDefinition = ModelCopy.Of(record.Definition),
                Tags = request.Include?.Contains("TAGS") == true ? [.. record.Tags] : null,
            };
        });
    }

    public ListTaskDefinitionsResponse ListTaskDefinitions(ListTaskDefinitionsRequest request)
    {
        var status = request.Status ?? "ACTIVE";
        var descending = string.Equals(request.Sort, "DESC", StringComparison.Ordinal);
        var arns = store.Read(state => state.TaskDefinitions
            .Where(f => request.FamilyPrefix is null || f.Key == request.FamilyPrefix)
            .SelectMany(f => f.Value)
            .Where(r => r.Definition.Status == status)
            .OrderBy(r => r.Definition.Family, StringComparer.Ordinal)
            .ThenBy(r => r.Definition.Revision)
            .Select(r => r.Definition.TaskDefinitionArn!)
            .ToList());
        if (descending)
        {
            arns.Reverse();
        }

        var page = Paging.Take(arns, request.NextToken, request.MaxResults, 100);
        return new ListTaskDefinitionsResponse { TaskDefinitionArns = page.Items, NextToken = page.NextToken };
    }

    public ListTaskDefinitionFamiliesResponse ListTaskDefinitionFamilies(ListTaskDefinitionFamiliesRequest request)
    {
        var status = request.Status ?? "ACTIVE";
        var families = store.Read(state => state.TaskDefinitions
            .Where(f => request.FamilyPrefix is null || f.Key.StartsWith(request.FamilyPrefix, StringComparison.Ordinal))
            .Where(f => status switch
            {
                "ACTIVE" => f.Value.Any(r => r.Definition.Status == "ACTIVE"),
                "INACTIVE" => f.Value.All(r => r.Definition.Status != "ACTIVE"),
                _ => true,
            })
            .Select(f => f.Key)
            .Order(StringComparer.Ordinal)
            .ToList());
        var page = Paging.Take(families, request.NextToken, request.MaxResults, 100);
        return new ListTaskDefinitionFamiliesResponse { Families = page.Items, NextToken = page.NextToken };
    }

    public DeregisterTaskDefinitionResponse DeregisterTaskDefinition(DeregisterTaskDefinitionRequest request)
    {
        var reference = request.TaskDefinition ?? "";
        if (!Names.LastSegment(reference).Contains(':', StringComparison.Ordinal))
        {
            throw ApiError.Client("Revision must be specified: use family:revision or the full ARN.");
        }

        return store.Mutate(state =>
        {
            var record = Find(state, reference, activeOnly: false) ?? throw ApiError.Client("The specified task definition does not exist.");
            if (record.Definition.Status == "ACTIVE")
            {
                record.Definition.Status = "INACTIVE";
                record.Definition.DeregisteredAt = time.GetUtcNow().UtcDateTime;
            }

            return new DeregisterTaskDefinitionResponse { TaskDefinition = ModelCopy.Of(record.Definition) };
        });
    }

    /// <summary>
    /// The revision a reference names: <c>family</c> (latest ACTIVE), <c>family:revision</c> or the ARN; null when
    /// there is none.
    /// </summary>
    public static TaskDefinitionRecord? Find(CloudState state, string reference, bool activeOnly)
    {
        var name = reference;
        if (reference.StartsWith("arn:", StringComparison.Ordinal))
        {
            var marker = reference.IndexOf(":task-definition/", StringComparison.Ordinal);
            if (marker < 0)
            {
                return null;
            }

            name = reference[(marker + ":task-definition/".Length)..];
        }

        var colon = name.LastIndexOf(':');
        var family = colon < 0 ? name : name[..colon];
        if (!state.TaskDefinitions.TryGetValue(family, out var revisions))
        {
            return null;
        }

        if (colon < 0)
        {
            return revisions.Where(r => r.Definition.Status == "ACTIVE").MaxBy(r => r.Definition.Revision);
        }

        if (!int.TryParse(name[(colon + 1)..], NumberStyles.None, CultureInfo.InvariantCulture, out var revision))
        {
            return null;
        }

        var found = revisions.FirstOrDefault(r => r.Definition.Revision == revision);
        return found is not null && activeOnly && found.Definition.Status != "ACTIVE" ? null : found;
    }

    /// <summary>For CreateService, UpdateService and RunTask: the revision, or ECS's ClientException.</summary>
    public static TaskDefinitionRecord Require(CloudState state, string? reference)
    {
        if (string.IsNullOrEmpty(reference))
        {
            throw ApiError.InvalidParameter("TaskDefinition can not be blank.");
        }

        var record = Find(state, reference, activeOnly: false) ?? throw ApiError.Client("TaskDefinition not found.");
        return record.Definition.Status == "ACTIVE" ? record : throw ApiError.Client("TaskDefinition is inactive");
    }

    private static void Validate(RegisterTaskDefinitionRequest request)
    {
        if (string.IsNullOrEmpty(request.Family) || !Names.IsValidResourceName(request.Family))
        {
            throw ApiError.Client("Family must be 1-255 characters: letters (upper and lower case), numbers, hyphens and underscores.");
        }

        if (request.ContainerDefinitions is not { Count: > 0 })
        {
            throw ApiError.Client("Container list cannot be empty.");
        }

        if (request.NetworkMode is not null && !NetworkModes.Contains(request.NetworkMode))
        {
            throw ApiError.Client($"Invalid networkMode '{request.NetworkMode}': valid values are {string.Join(", ", NetworkModes)}.");
        }

        if (request.RequiresCompatibilities?.Contains("FARGATE") == true)
        {
            if (request.NetworkMode != "awsvpc")
            {
                throw ApiError.Client("Fargate only supports network mode 'awsvpc'.");
            }

            if (request.Cpu is null || request.Memory is null)
            {
                throw ApiError.Client("Fargate requires that 'cpu' be defined at the task level.");
            }
        }

        var names = new HashSet<string>(StringComparer.Ordinal);
        foreach (var container in request.ContainerDefinitions)
        {
            if (string.IsNullOrEmpty(container.Name))
            {
                throw ApiError.Client("Container.name should not be null or empty.");
            }

            if (string.IsNullOrEmpty(container.Image))
            {
                throw ApiError.Client("Container.image should not be null or empty.");
            }

            if (!names.Add(container.Name))
            {
                throw ApiError.Client($"Container names must be unique: '{container.Name}' appears twice.");
            }

            if (container.HealthCheck?.Command is { Count: > 0 } command && command[0] is not ("CMD" or "CMD-SHELL" or "NONE"))
            {
                throw ApiError.Client($"Container '{container.Name}': healthCheck.command must start with CMD, CMD-SHELL or NONE.");
            }
        }

        if (!request.ContainerDefinitions.Any(c => c.Essential ?? true))
        {
            throw ApiError.Client("A task definition must have at least one essential container.");
        }
    }

    /// <summary>The defaults ECS fills in, so a described definition reads as ECS's does.</summary>
    private static ContainerDefinition WithDefaults(ContainerDefinition container, string? networkMode)
    {
        container.Essential ??= true;
        container.Cpu ??= 0;
        container.Environment ??= [];
        container.PortMappings ??= [];
        container.MountPoints ??= [];
        container.VolumesFrom ??= [];
        container.SystemControls ??= [];
        foreach (var mapping in container.PortMappings)
        {
            mapping.Protocol ??= "tcp";
            if (networkMode is "awsvpc" or "host")
            {
                mapping.HostPort ??= mapping.ContainerPort;
            }
        }

        if (container.HealthCheck is { } check)
        {
            check.Interval ??= 30;
            check.Timeout ??= 5;
            check.Retries ??= 3;
        }

        return container;
    }
}
