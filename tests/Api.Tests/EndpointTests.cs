using System.Net;
using System.Text.Json;

namespace Api.Tests;

public sealed class EndpointTests
{
    [Fact]
    public async Task Health_answers_ok_with_status_healthy()
    {
        await using var server = await ApiServer.StartAsync();
        using var client = new HttpClient { BaseAddress = server.Address };

        using var response = await client.GetAsync(new Uri("/health", UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal("Healthy", body.RootElement.GetProperty("status").GetString());
    }

    [Fact]
    public async Task Version_returns_the_version_and_commit_stamped_into_the_assembly()
    {
        await using var server = await ApiServer.StartAsync();
        using var client = new HttpClient { BaseAddress = server.Address };

        using var body = JsonDocument.Parse(await client.GetStringAsync(new Uri("/version", UriKind.Relative)));

        var expected = BuildInfo.FromAssembly(typeof(BuildInfo).Assembly);
        Assert.Equal(expected.Version, body.RootElement.GetProperty("version").GetString());
        Assert.Equal(expected.Commit, body.RootElement.GetProperty("commit").GetString());
    }

    [Fact]
    public async Task Listens_on_the_port_given_by_ASPNETCORE_HTTP_PORTS()
    {
        var port = ApiServer.FreePort();
        await using var server = await ApiServer.StartAsync(port: port);

        Assert.Equal(port, server.Address.Port);
    }

    [Fact]
    public void Listens_on_8080_when_no_port_is_configured()
    {
        var configuration = new Microsoft.Extensions.Configuration.ConfigurationBuilder().Build();

        Assert.False(ListenAddress.IsConfigured(configuration));
        Assert.Equal("http://+:8080", ListenAddress.Default);
    }
}
