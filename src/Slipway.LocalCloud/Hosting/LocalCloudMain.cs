using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Logging;
using Slipway.Docker;
using Slipway.LocalCloud.Runtime;

namespace Slipway.LocalCloud.Hosting;

/// <summary>
/// Wires the real machine side (tasks as Docker containers, the local load balancer) into the host and runs it until
/// SIGTERM. The runtime's scope comes from the state directory, so a restart on the same state finds its containers
/// and never touches those of another local cloud.
/// </summary>
internal static class LocalCloudMain
{
    public static async Task<int> RunAsync(CloudOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        using var loggers = LoggerFactory.Create(logging => logging.AddSimpleConsole(console => console.SingleLine = true));
        using var engine = DockerEngine.FromEnvironment();
        var time = TimeProvider.System;
        var runtime = new DockerTaskRuntime(engine, DockerTaskRuntime.ScopeFor(options.StateDirectory), new LoggerLog(loggers.CreateLogger("Slipway.LocalCloud.Runtime")), time);
        await using var balancer = new LocalLoadBalancer(new LoggerLog(loggers.CreateLogger("Slipway.LocalCloud.LoadBalancer")), time);
        await using var app = CloudHost.Build(options, runtime, balancer, time);
        await app.RunAsync();
        return 0;
    }
}
