using System.Globalization;
using System.Net;
using System.Security.Cryptography;
using System.Text;
using Docker.DotNet;
using Docker.DotNet.Models;
using Slipway.Docker;

namespace Slipway.Components.Local;

/// <summary>
/// The containers of the local cloud's tasks, found by the labels its runtime puts on them
/// (<c>Slipway.LocalCloud.Runtime</c>: scope, task id, stop timeout). EnvironmentDown stops them here, with the
/// engine alone, so the build needs neither the runtime nor the ASP.NET Core it brings. A test keeps these
/// names equal to the runtime's.
/// </summary>
internal sealed class LocalCloudTasks(DockerEngine engine, string scope)
{
    public const string ScopeLabel = "slipway.localcloud.scope";
    public const string TaskIdLabel = "slipway.localcloud.task-id";
    public const string StopTimeoutLabel = "slipway.localcloud.stop-timeout";

    private static readonly TimeSpan DefaultStopTimeout = TimeSpan.FromSeconds(10);

    /// <summary>The runtime's scope for a local cloud whose state is in <paramref name="stateDirectory"/>.</summary>
    public static string ScopeFor(string stateDirectory) =>
        $"slipway-{Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(Path.GetFullPath(stateDirectory))))[..12]}";

    /// <summary>Stops (SIGTERM, SIGKILL after each container's stop timeout) and removes every task container; returns the task ids.</summary>
    public async Task<IReadOnlyList<string>> StopAllAsync(CancellationToken cancellationToken)
    {
        var containers = await engine.Client.Containers.ListContainersAsync(
            new ContainersListParameters
            {
                All = true,
                Filters = new Dictionary<string, IDictionary<string, bool>> { ["label"] = new Dictionary<string, bool> { [$"{ScopeLabel}={scope}"] = true } },
            },
            cancellationToken);
        await Task.WhenAll(containers.Select(container => StopAndRemoveAsync(container, cancellationToken)));
        return [.. containers.Select(c => c.Labels.TryGetValue(TaskIdLabel, out var id) ? id : c.ID).Distinct(StringComparer.Ordinal)];
    }

    private async Task StopAndRemoveAsync(ContainerListResponse container, CancellationToken cancellationToken)
    {
        var timeout = container.Labels.TryGetValue(StopTimeoutLabel, out var text) && int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var seconds)
            ? TimeSpan.FromSeconds(seconds)
            : DefaultStopTimeout;
        try
        {
            await engine.Client.Containers.StopContainerAsync(container.ID, new ContainerStopParameters { WaitBeforeKillSeconds = (uint)timeout.TotalSeconds }, cancellationToken);
            await engine.Client.Containers.RemoveContainerAsync(container.ID, new ContainerRemoveParameters { Force = true }, cancellationToken);
        }
        catch (DockerApiException exception) when (exception.StatusCode is HttpStatusCode.NotFound or HttpStatusCode.Conflict)
        {
            // Gone already, or being removed.
        }
    }
}
