using Slipway.LocalCloud.State;

namespace Slipway.LocalCloud.Scheduling;

/// <summary>Starting a deployment: the new one becomes PRIMARY and IN_PROGRESS, the previous PRIMARY turns ACTIVE.</summary>
internal static class Deployments
{
    public static DeploymentRecord Start(ServiceRecord service, DateTime now)
    {
        var deployment = new DeploymentRecord
        {
            Id = CloudIdentity.NewDeploymentId(),
            Status = "PRIMARY",
            TaskDefinitionArn = service.TaskDefinitionArn,
            DesiredCount = 0,
            CreatedAt = now,
            UpdatedAt = now,
            LaunchType = service.LaunchType,
            PlatformVersion = service.PlatformVersion,
            NetworkConfiguration = service.NetworkConfiguration is null ? null : Ecs.ModelCopy.Of(service.NetworkConfiguration),
            RolloutState = "IN_PROGRESS",
        };
        deployment.RolloutStateReason = EventMessages.RolloutInProgress(deployment.Id);
        foreach (var previous in service.Deployments)
        {
            previous.Status = "ACTIVE";
            previous.UpdatedAt = now;
        }

        service.Deployments.Insert(0, deployment);
        service.Steady = false;
        return deployment;
    }
}
