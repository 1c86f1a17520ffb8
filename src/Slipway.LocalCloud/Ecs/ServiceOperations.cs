using Slipway.Aws.Ecs.Model;
using Slipway.LocalCloud.Protocol;
using Slipway.LocalCloud.Scheduling;
using Slipway.LocalCloud.State;

namespace Slipway.LocalCloud.Ecs;

/// <summary>
/// CreateService, UpdateService, DescribeServices. The scheduler does the rollout; these only record what is
/// wanted, and start a deployment when ECS would (ecs-behaviour.md §1).
/// </summary>
internal sealed class ServiceOperations(StateStore store, CloudIdentity identity, TimeProvider time, Wakeup wakeup)
{
    public CreateServiceResponse CreateService(CreateServiceRequest request)
    {
        if (string.IsNullOrEmpty(request.ServiceName) || !Names.IsValidResourceName(request.ServiceName))
        {
            throw ApiError.InvalidParameter("Service name must be 1-255 characters: letters (upper and lower case), numbers, hyphens and underscores.");
        }

        if (request.SchedulingStrategy is not (null or "REPLICA"))
        {
            throw ApiError.InvalidParameter($"schedulingStrategy {request.SchedulingStrategy} is not supported by the local cloud: use REPLICA.");
        }

        if (request.DeploymentController?.Type is not (null or "ECS"))
        {
            throw ApiError.InvalidParameter($"deploymentController {request.DeploymentController.Type} is not supported by the local cloud: use ECS (rolling update).");
        }

        if (request.DesiredCount is < 0)
        {
            throw ApiError.InvalidParameter("desiredCount must be 0 or more.");
        }

        var configuration = Merge(new DeploymentConfiguration
        {
            MaximumPercent = 200,
            MinimumHealthyPercent = 100,
            DeploymentCircuitBreaker = new DeploymentCircuitBreaker { Enable = false, Rollback = false },
        }, request.DeploymentConfiguration);

        var response = store.Mutate(state =>
        {
            var cluster = ClusterOperations.Resolve(state, request.Cluster);
            var definition = TaskDefinitionOperations.Require(state, request.TaskDefinition);
            var arn = identity.ServiceArn(cluster.Name, request.ServiceName);
            if (state.Services.TryGetValue(arn, out var existing) && existing.Status != "INACTIVE")
            {
                if (request.ClientToken is not null && request.ClientToken == existing.ClientToken)
                {
                    return new CreateServiceResponse { Service = Projection.Service(state, existing, includeTags: true) };
                }

                throw ApiError.InvalidParameter("Creation of service was not idempotent.");
            }

            var now = time.GetUtcNow().UtcDateTime;
            var service = new ServiceRecord
            {
                Arn = arn,
                Name = request.ServiceName,
                ClusterName = cluster.Name,
                ClusterArn = cluster.Arn,
                DesiredCount = request.DesiredCount ?? 0,
                TaskDefinitionArn = definition.Definition.TaskDefinitionArn!,
                LaunchType = request.LaunchType ?? "EC2",
                PlatformVersion = request.LaunchType == "FARGATE" ? request.PlatformVersion ?? "LATEST" : request.PlatformVersion,
                DeploymentConfiguration = configuration,
                NetworkConfiguration = request.NetworkConfiguration is null ? null : ModelCopy.Of(request.NetworkConfiguration),
                LoadBalancers = [.. (request.LoadBalancers ?? []).Select(ModelCopy.Of)],
                HealthCheckGracePeriodSeconds = request.HealthCheckGracePeriodSeconds ?? 0,
                Tags = [.. request.Tags ?? []],
                EnableECSManagedTags = request.EnableECSManagedTags ?? false,
                PropagateTags = request.PropagateTags,
                EnableExecuteCommand = request.EnableExecuteCommand ?? false,
                ClientToken = request.ClientToken,
                CreatedAt = now,
            };
            Deployments.Start(service, now);
            state.Services[arn] = service;
            return new CreateServiceResponse { Service = Projection.Service(state, service, includeTags: true) };
        });
        wakeup.Wake();
        return response;
    }

    public UpdateServiceResponse UpdateService(UpdateServiceRequest request)
    {
        if (string.IsNullOrEmpty(request.Service))
        {
            throw ApiError.InvalidParameter("Service can not be blank.");
        }

        if (request.DesiredCount is < 0)
        {
            throw ApiError.InvalidParameter("desiredCount must be 0 or more.");
        }

        if (request.DeploymentController?.Type is not (null or "ECS"))
        {
            throw ApiError.InvalidParameter($"deploymentController {request.DeploymentController.Type} is not supported by the local cloud: use ECS (rolling update).");
        }

        var response = store.Mutate(state =>
        {
            var cluster = ClusterOperations.Resolve(state, request.Cluster);
            var service = Find(state, identity, cluster, request.Service) ?? throw new ApiError("ServiceNotFoundException", "");
            if (service.Status != "ACTIVE")
            {
                throw new ApiError("ServiceNotActiveException", "Service was not ACTIVE.");
            }

            var definition = request.TaskDefinition is null ? null : TaskDefinitionOperations.Require(state, request.TaskDefinition);
            var configuration = request.DeploymentConfiguration is null ? null : Merge(ModelCopy.Of(service.DeploymentConfiguration), request.DeploymentConfiguration);

            // Validation is over: from here on the service changes.
            var now = time.GetUtcNow().UtcDateTime;
            var needsDeployment = request.ForceNewDeployment == true;
            if (definition is not null && definition.Definition.TaskDefinitionArn != service.TaskDefinitionArn)
            {
                service.TaskDefinitionArn = definition.Definition.TaskDefinitionArn!;
                needsDeployment = true;
            }

            if (request.NetworkConfiguration is not null && !SameJson(request.NetworkConfiguration, service.NetworkConfiguration))
            {
                service.NetworkConfiguration = ModelCopy.Of(request.NetworkConfiguration);
                needsDeployment = true;
            }

            if (request.PlatformVersion is not null && request.PlatformVersion != service.PlatformVersion)
            {
                service.PlatformVersion = request.PlatformVersion;
                needsDeployment = true;
            }

            if (request.LoadBalancers is not null && !SameJson(request.LoadBalancers, service.LoadBalancers))
            {
                service.LoadBalancers = [.. request.LoadBalancers.Select(ModelCopy.Of)];
                needsDeployment = true;
            }

            if (request.DesiredCount is { } desired && desired != service.DesiredCount)
            {
                service.DesiredCount = desired;
                service.Steady = false;
            }

            service.DeploymentConfiguration = configuration ?? service.DeploymentConfiguration;
            service.HealthCheckGracePeriodSeconds = request.HealthCheckGracePeriodSeconds ?? service.HealthCheckGracePeriodSeconds;
            service.EnableExecuteCommand = request.EnableExecuteCommand ?? service.EnableExecuteCommand;
            service.EnableECSManagedTags = request.EnableECSManagedTags ?? service.EnableECSManagedTags;
            service.PropagateTags = request.PropagateTags ?? service.PropagateTags;
            if (needsDeployment)
            {
                Deployments.Start(service, now);
            }

            return new UpdateServiceResponse { Service = Projection.Service(state, service, includeTags: false) };
        });
        wakeup.Wake();
        return response;
    }

    public DescribeServicesResponse DescribeServices(DescribeServicesRequest request)
    {
        if (request.Services is not { Count: > 0 })
        {
            throw ApiError.InvalidParameter("Services cannot be empty.");
        }

        if (request.Services.Count > 10)
        {
            throw ApiError.InvalidParameter("Services cannot contain more than 10 elements.");
        }

        var includeTags = request.Include?.Contains("TAGS") == true;
        return store.Read(state =>
        {
            var cluster = ClusterOperations.Resolve(state, request.Cluster);
            var response = new DescribeServicesResponse { Services = [], Failures = [] };
            foreach (var reference in request.Services)
            {
                if (Find(state, identity, cluster, reference) is { } service)
                {
                    response.Services.Add(Projection.Service(state, service, includeTags));
                }
                else
                {
                    var arn = reference.StartsWith("arn:", StringComparison.Ordinal) ? reference : identity.ServiceArn(cluster.Name, reference);
                    response.Failures.Add(new Failure { Arn = arn, Reason = "MISSING" });
                }
            }

            return response;
        });
    }

    public ListServicesResponse ListServices(ListServicesRequest request)
    {
        var arns = store.Read(state =>
        {
            var cluster = ClusterOperations.Resolve(state, request.Cluster);
            return state.Services.Values
                .Where(s => s.ClusterName == cluster.Name && s.Status != "INACTIVE")
                .Where(s => request.LaunchType is null || s.LaunchType == request.LaunchType)
                .Where(s => request.SchedulingStrategy is null || s.SchedulingStrategy == request.SchedulingStrategy)
                .OrderBy(s => s.CreatedAt)
                .Select(s => s.Arn)
                .ToList();
        });
        var page = Paging.Take(arns, request.NextToken, request.MaxResults, 100);
        return new ListServicesResponse { ServiceArns = page.Items, NextToken = page.NextToken };
    }

    /// <summary>The service turns DRAINING, its tasks stop, then it is INACTIVE (still described, as in ECS).</summary>
    public DeleteServiceResponse DeleteService(DeleteServiceRequest request)
    {
        if (string.IsNullOrEmpty(request.Service))
        {
            throw ApiError.InvalidParameter("Service can not be blank.");
        }

        var response = store.Mutate(state =>
        {
            var cluster = ClusterOperations.Resolve(state, request.Cluster);
            var service = Find(state, identity, cluster, request.Service);
            if (service is null || service.Status == "INACTIVE")
            {
                throw new ApiError("ServiceNotFoundException", "Service not found.");
            }

            if (service.DesiredCount > 0 && request.Force != true)
            {
                throw ApiError.InvalidParameter("The service cannot be stopped while it is scaled above 0.");
            }

            service.DesiredCount = 0;
            service.Status = "DRAINING";
            service.Steady = false;
            return new DeleteServiceResponse { Service = Projection.Service(state, service, includeTags: false) };
        });
        wakeup.Wake();
        return response;
    }

    /// <summary>A service of the cluster by name or ARN (both long and short ARN forms).</summary>
    public static ServiceRecord? Find(CloudState state, CloudIdentity identity, ClusterRecord cluster, string reference)
        => state.Services.GetValueOrDefault(identity.ServiceArn(cluster.Name, Names.LastSegment(reference)));

    private static DeploymentConfiguration Merge(DeploymentConfiguration current, DeploymentConfiguration? change)
    {
        if (change is not null)
        {
            current.MaximumPercent = change.MaximumPercent ?? current.MaximumPercent;
            current.MinimumHealthyPercent = change.MinimumHealthyPercent ?? current.MinimumHealthyPercent;
            current.DeploymentCircuitBreaker = change.DeploymentCircuitBreaker is null ? current.DeploymentCircuitBreaker : ModelCopy.Of(change.DeploymentCircuitBreaker);
            current.Alarms = change.Alarms is null ? current.Alarms : ModelCopy.Of(change.Alarms);
        }

        if (current.MinimumHealthyPercent is < 0 or > 100)
        {
            throw ApiError.InvalidParameter("deploymentConfiguration.minimumHealthyPercent must be between 0 and 100.");
        }

        if (current.MaximumPercent is < 100)
        {
            throw ApiError.InvalidParameter("deploymentConfiguration.maximumPercent must be 100 or more for a REPLICA service.");
        }

        return current;
    }

    private static bool SameJson<T>(T left, T right)
        => Aws.Transport.AwsJson.Serialize(left).AsSpan().SequenceEqual(Aws.Transport.AwsJson.Serialize(right));
}
