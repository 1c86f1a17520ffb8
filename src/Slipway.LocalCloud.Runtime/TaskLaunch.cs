using Slipway.Aws.Ecs.Model;

namespace Slipway.LocalCloud.Runtime;

/// <summary>Everything needed to start one task.</summary>
/// <param name="TaskId">The task's id (32 lowercase hex), also the last part of its ARN.</param>
/// <param name="TaskArn">The task's ARN, put on its containers as a label.</param>
/// <param name="Definition">The registered task definition (containers, health checks, stop timeouts).</param>
/// <param name="HostPort">
/// The free host port given to this task. Host networking cannot map ports, so every task gets its own and the
/// load balancer forwards the service's published port to it; the runtime hands it to each container that
/// declares a port mapping as <c>PORT</c> and <c>ASPNETCORE_HTTP_PORTS</c>.
/// </param>
/// <param name="SecretValues">Resolved values of the definition's <c>secrets</c>, by <c>valueFrom</c>; never logged.</param>
public sealed record TaskLaunch(
    string TaskId,
    string TaskArn,
    TaskDefinition Definition,
    int HostPort,
    IReadOnlyDictionary<string, string> SecretValues);
