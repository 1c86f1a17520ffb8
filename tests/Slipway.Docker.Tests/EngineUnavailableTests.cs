namespace Slipway.Docker.Tests;

public sealed class EngineUnavailableTests
{
    [Fact]
    public async Task Socket_path_that_does_not_exist_gives_a_message_saying_how_to_start_an_engine()
    {
        using var engine = new DockerEngine(DockerEngine.ResolveEndpoint($"unix:///tmp/slipway-no-engine-{Guid.NewGuid():N}.sock"));

        var exception = await Assert.ThrowsAsync<DockerEngineUnavailableException>(() => engine.EnsureAnsweringAsync(new RecordingLog(), CancellationToken.None));

        Assert.Contains("No Docker engine answers at unix:///tmp/slipway-no-engine-", exception.Message, StringComparison.Ordinal);
        AssertSaysHowToStartOne(exception.Message);
    }

    [Fact]
    public async Task Closed_loopback_port_gives_a_message_saying_how_to_start_an_engine()
    {
        var port = FreePort.OnLoopback();
        using var engine = new DockerEngine(DockerEngine.ResolveEndpoint($"tcp://127.0.0.1:{port}"));

        var exception = await Assert.ThrowsAsync<DockerEngineUnavailableException>(() => engine.EnsureAnsweringAsync(new RecordingLog(), CancellationToken.None));

        Assert.Contains($"127.0.0.1:{port}", exception.Message, StringComparison.Ordinal);
        AssertSaysHowToStartOne(exception.Message);
        Assert.False(await engine.IsAnsweringAsync(CancellationToken.None));
    }

    [Fact]
    public async Task Docker_host_naming_a_missing_socket_gives_the_message_too()
    {
        var socket = $"unix:///tmp/slipway-no-engine-{Guid.NewGuid():N}.sock";
        using var engine = DockerEngine.FromEnvironment(name => name == "DOCKER_HOST" ? socket : null);

        var exception = await Assert.ThrowsAsync<DockerEngineUnavailableException>(() => engine.EnsureAnsweringAsync(new RecordingLog(), CancellationToken.None));

        Assert.Contains(socket, exception.Message, StringComparison.Ordinal);
        AssertSaysHowToStartOne(exception.Message);
    }

    [Theory]
    [InlineData(null, "unix:///var/run/docker.sock")]
    [InlineData("", "unix:///var/run/docker.sock")]
    [InlineData("  ", "unix:///var/run/docker.sock")]
    [InlineData("unix:///run/user/1000/docker.sock", "unix:///run/user/1000/docker.sock")]
    [InlineData("tcp://127.0.0.1:2375", "tcp://127.0.0.1:2375/")]
    public void Docker_host_selects_the_endpoint_and_unset_means_the_default_socket(string? dockerHost, string expected)
    {
        Assert.Equal(expected, DockerEngine.ResolveEndpoint(dockerHost).ToString());
    }

    [Fact]
    public void Docker_host_that_is_no_address_is_rejected_with_the_accepted_forms()
    {
        var exception = Assert.Throws<ArgumentException>(() => DockerEngine.ResolveEndpoint("/var/run/docker.sock"));
        Assert.Contains("unix:///", exception.Message, StringComparison.Ordinal);
    }

    private static void AssertSaysHowToStartOne(string message)
    {
        Assert.Contains("dockerd --bridge=none --iptables=false --ip-masq=false", message, StringComparison.Ordinal);
        Assert.Contains("Docker Desktop", message, StringComparison.Ordinal);
        Assert.Contains("DOCKER_HOST", message, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", message, StringComparison.Ordinal);
    }
}
