using Slipway.Aws.Deployment.Watching;
using Slipway.Aws.Ecs.Model;

namespace Slipway.Aws.Tests.Deployment;

internal sealed class RecordingObserver : IDeploymentObserver
{
    public List<string> Events { get; } = [];

    public List<DeploymentProgress> Progresses { get; } = [];

    public List<string> Notes { get; } = [];

    public void ServiceEvent(ServiceEvent serviceEvent) => Events.Add(serviceEvent.Message!);

    public void Progress(DeploymentProgress progress) => Progresses.Add(progress);

    public void Note(string message) => Notes.Add(message);
}
