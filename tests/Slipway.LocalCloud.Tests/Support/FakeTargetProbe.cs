using Slipway.LocalCloud.Scheduling;

namespace Slipway.LocalCloud.Tests.Support;

/// <summary>Says whether a task's port accepts connections; the test decides (listening by default).</summary>
internal sealed class FakeTargetProbe : ITargetProbe
{
    public bool Listening { get; set; } = true;

    public Task<bool> IsListeningAsync(int hostPort, CancellationToken cancellationToken) => Task.FromResult(Listening);
}
