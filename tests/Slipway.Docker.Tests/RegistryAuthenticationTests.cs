using System.Net;
using Xunit.Abstractions;

namespace Slipway.Docker.Tests;

/// <summary>A registry that demands credentials, as ECR does: push and reads with Basic auth, and no secret in the log.</summary>
[Collection(RealDocker.Name)]
[Trait(TestCategories.Name, TestCategories.Integration)]
public sealed class RegistryAuthenticationTests(DockerFixture fixture, ITestOutputHelper output) : IDisposable
{
    private readonly CancellationTokenSource timeout = TestTimeouts.Start();

    private const string Secret = "n0t-in-any-log-7f3a";

    [Fact]
    public async Task Push_with_credentials_reaches_a_registry_that_demands_them_and_never_logs_the_secret()
    {
        var directory = fixture.NewDirectory("auth");
        var htpasswd = await Htpasswd.WriteAsync(directory, "ci", Secret);
        var log = new RecordingLog(output);
        await using var registry = await LocalRegistry.StartAsync(htpasswd, log, fixture.Time, timeout.Token);
        var credentials = new RegistryCredentials("ci", Secret);
        var image = await fixture.ServiceImageAsync();
        var target = $"{registry.Host}/slipway/api:{DockerFixture.Version}";
        fixture.RemoveAfterwards([target]);

        var pushed = await new ImagePusher(fixture.Engine, fixture.Time).PushAsync(image.Id, target, credentials, log, timeout.Token);

        using var authenticated = new RegistryClient(registry.BaseAddress, credentials);
        Assert.Equal(pushed.Digest, (await authenticated.HeadManifestAsync("slipway/api", DockerFixture.Version, timeout.Token))?.Digest);
        using var anonymous = new RegistryClient(registry.BaseAddress);
        var refused = await Assert.ThrowsAsync<RegistryException>(() => anonymous.HeadManifestAsync("slipway/api", DockerFixture.Version, timeout.Token));
        Assert.Equal(HttpStatusCode.Unauthorized, refused.StatusCode);
        Assert.Contains($"{registry.Host}: HEAD manifest slipway/api:{DockerFixture.Version} failed: 401 Unauthorized ({registry.Host} wants credentials)", refused.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(Secret, log.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Push_with_wrong_credentials_fails_with_the_registry_error_and_without_the_secret()
    {
        var directory = fixture.NewDirectory("auth");
        var htpasswd = await Htpasswd.WriteAsync(directory, "ci", Secret);
        var log = new RecordingLog(output);
        await using var registry = await LocalRegistry.StartAsync(htpasswd, log, fixture.Time, timeout.Token);
        var image = await fixture.ServiceImageAsync();
        var target = $"{registry.Host}/slipway/api:{DockerFixture.Version}";
        fixture.RemoveAfterwards([target]);

        var exception = await Assert.ThrowsAsync<DockerPushException>(() => new ImagePusher(fixture.Engine, fixture.Time).PushAsync(image.Id, target, new RegistryCredentials("ci", "wrong-" + Secret), log, timeout.Token));

        Assert.Contains("authentication required", exception.Message, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain(Secret, exception.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(Secret, log.Text, StringComparison.Ordinal);
    }

    public void Dispose() => timeout.Dispose();
}
