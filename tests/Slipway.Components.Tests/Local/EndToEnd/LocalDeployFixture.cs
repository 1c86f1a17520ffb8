using Xunit.Abstractions;

namespace Slipway.Components.Tests.Local.EndToEnd;

/// <summary>
/// A fresh clone and its first <c>./build.sh Deploy</c> to the local environment (the one a new user runs). At
/// the end, <c>EnvironmentDown --purge</c> in the clone (again, if a test already did) and the clone deleted.
/// </summary>
public sealed class LocalDeployFixture(IMessageSink sink) : IAsyncLifetime
{
    private readonly EngineFixture engine = new();
    private ServiceClone? clone;

    public ServiceClone Clone => clone ?? throw new InvalidOperationException("fixture not initialised");

    public CommandResult FirstDeploy { get; private set; } = new(-1, "", TimeSpan.Zero);

    public async Task InitializeAsync()
    {
        // Held for the whole class: a dockerd another test assembly started is not stopped under these deploys.
        await engine.InitializeAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(15));
        clone = await ServiceClone.CreateAsync(timeout.Token);
        FirstDeploy = await clone.BuildAsync(["Deploy"], timeout.Token);
        sink.OnMessage(new Xunit.Sdk.DiagnosticMessage($"first deploy of {clone.Root}: {FirstDeploy}"));
    }

    public async Task DisposeAsync()
    {
        if (clone is null)
        {
            await engine.DisposeAsync();
            return;
        }

        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(3));
        var down = await clone.BuildAsync(["EnvironmentDown", "--purge"], timeout.Token);
        if (down.ExitCode != 0)
        {
            sink.OnMessage(new Xunit.Sdk.DiagnosticMessage($"EnvironmentDown in {clone.Root} failed: {down}"));
        }

        clone.Dispose();
        await engine.DisposeAsync();
    }
}
