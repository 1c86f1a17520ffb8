using Slipway.Docker;
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

        await RemoveTheClonesImagesAsync(clone.Root);
        clone.Dispose();
        await engine.DisposeAsync();
    }

    /// <summary>
    /// The tags the clone's builds gave its image (slipway/api:&lt;version&gt;, :&lt;commit&gt; and the same under the
    /// local registry's host): removed, so CI leaves no test images in the engine. Only tags on the image the
    /// clone's record names, and only of the service's repository: nothing another run made is touched.
    /// </summary>
    private async Task RemoveTheClonesImagesAsync(string root)
    {
        var recordFile = Path.Combine(root, "artifacts", "image.json");
        if (!File.Exists(recordFile))
        {
            return;
        }

        try
        {
            var record = await ImageRecord.ReadAsync(recordFile, CancellationToken.None);
            using var docker = DockerEngine.FromEnvironment();
            var image = await docker.Client.Images.InspectImageAsync(record.ImageId);
            var repository = "/" + record.Repository + ":";
            foreach (var tag in image.RepoTags ?? [])
            {
                if (tag.StartsWith(record.Repository + ":", StringComparison.Ordinal) || tag.Contains(repository, StringComparison.Ordinal))
                {
                    await docker.Client.Images.DeleteImageAsync(tag, new global::Docker.DotNet.Models.ImageDeleteParameters { NoPrune = false });
                }
            }
        }
        catch (Exception exception) when (exception is global::Docker.DotNet.DockerApiException or InvalidDataException or IOException)
        {
            sink.OnMessage(new Xunit.Sdk.DiagnosticMessage($"could not remove the images of {root}: {exception.Message}"));
        }
    }
}
