namespace Slipway.LocalCloud.Hosting;

/// <summary>Wires the real runtime and load balancer (Slipway.LocalCloud.Runtime) into the host and runs it until SIGTERM.</summary>
internal static class LocalCloudMain
{
    public static Task<int> RunAsync(CloudOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        throw new NotSupportedException("The Docker runtime is not merged yet: Slipway.LocalCloud cannot run tasks in this build.");
    }
}
