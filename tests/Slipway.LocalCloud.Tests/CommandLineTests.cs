using Slipway.LocalCloud.Hosting;

namespace Slipway.LocalCloud.Tests;

/// <summary>The daemon's command line read in process: every flag, its defaults, and each mistake named with its fix.</summary>
public sealed class CommandLineTests
{
    private const string Usage = "usage: Slipway.LocalCloud --port PORT --state DIR --registry 127.0.0.1:PORT [--region REGION] [--secrets FILE]";

    [Fact]
    public void Every_flag_is_read_and_paths_are_made_absolute()
    {
        var options = CloudOptions.Parse(["--port", "4566", "--state", "/tmp/cloud/../cloud", "--registry", "localhost:5000", "--region", "eu-west-1", "--secrets", "/tmp/s.json"], _ => "ignored");

        Assert.Equal(new CloudOptions(4566, "/tmp/cloud", "localhost:5000", "eu-west-1", "/tmp/s.json"), options);
    }

    [Fact]
    public void The_region_comes_from_the_environment_then_defaults_and_secrets_live_in_the_state_directory()
    {
        var environment = new Dictionary<string, string> { ["AWS_DEFAULT_REGION"] = "ap-south-1" };
        string[] args = ["--port", "0", "--state", "/tmp/cloud", "--registry", "127.0.0.1:65535"];

        var fromDefault = CloudOptions.Parse(args, name => environment.GetValueOrDefault(name));
        environment["AWS_REGION"] = "eu-central-1";
        var fromRegion = CloudOptions.Parse(args, name => environment.GetValueOrDefault(name));
        var builtIn = CloudOptions.Parse(args, _ => null);

        Assert.Equal(("ap-south-1", "eu-central-1", "us-east-1"), (fromDefault.Region, fromRegion.Region, builtIn.Region));
        Assert.Equal((0, "/tmp/cloud/secrets.json"), (builtIn.Port, builtIn.SecretsFile));
    }

    [Theory]
    [InlineData(new[] { "--verbose" }, "Unknown argument '--verbose'. ")]
    [InlineData(new[] { "--port" }, "--port needs a value. ")]
    [InlineData(new[] { "--port", "--state", "/tmp/x" }, "--port needs a value. ")]
    [InlineData(new[] { "--state", "/tmp/x", "--registry", "127.0.0.1:5000" }, "--port must be a TCP port number (0-65535; 0 picks a free one), e.g. --port 4566. ")]
    [InlineData(new[] { "--port", "65536", "--state", "/tmp/x", "--registry", "127.0.0.1:5000" }, "--port must be a TCP port number (0-65535; 0 picks a free one), e.g. --port 4566. ")]
    [InlineData(new[] { "--port", "-1", "--state", "/tmp/x", "--registry", "127.0.0.1:5000" }, "--port must be a TCP port number (0-65535; 0 picks a free one), e.g. --port 4566. ")]
    [InlineData(new[] { "--port", "4566", "--registry", "127.0.0.1:5000" }, "--state must name the directory that keeps the local cloud's state, e.g. --state .nuke/temp/local/cloud. ")]
    [InlineData(new[] { "--port", "4566", "--state", " ", "--registry", "127.0.0.1:5000" }, "--state must name the directory that keeps the local cloud's state, e.g. --state .nuke/temp/local/cloud. ")]
    [InlineData(new[] { "--port", "4566", "--state", "/tmp/x" }, "--registry must be the local registry as 127.0.0.1:PORT (got ''). ")]
    [InlineData(new[] { "--port", "4566", "--state", "/tmp/x", "--registry", "10.0.0.1:5000" }, "--registry must be the local registry as 127.0.0.1:PORT (got '10.0.0.1:5000'). ")]
    [InlineData(new[] { "--port", "4566", "--state", "/tmp/x", "--registry", "127.0.0.1" }, "--registry must be the local registry as 127.0.0.1:PORT (got '127.0.0.1'). ")]
    [InlineData(new[] { "--port", "4566", "--state", "/tmp/x", "--registry", ":5000" }, "--registry must be the local registry as 127.0.0.1:PORT (got ':5000'). ")]
    [InlineData(new[] { "--port", "4566", "--state", "/tmp/x", "--registry", "127.0.0.1:0" }, "--registry must be the local registry as 127.0.0.1:PORT (got '127.0.0.1:0'). ")]
    [InlineData(new[] { "--port", "4566", "--state", "/tmp/x", "--registry", "127.0.0.1:65536" }, "--registry must be the local registry as 127.0.0.1:PORT (got '127.0.0.1:65536'). ")]
    [InlineData(new[] { "--port", "4566", "--state", "/tmp/x", "--registry", "127.0.0.1:x" }, "--registry must be the local registry as 127.0.0.1:PORT (got '127.0.0.1:x'). ")]
    public void A_mistake_names_the_flag_and_the_usage(string[] args, string message)
    {
        var error = Assert.Throws<CloudUsageException>(() => CloudOptions.Parse(args, _ => null));

        Assert.Equal(message + Usage, error.Message);
    }

    [Fact]
    public void The_highest_ports_are_accepted()
    {
        var options = CloudOptions.Parse(["--port", "65535", "--state", "/tmp/x", "--registry", "localhost:1"], _ => null);

        Assert.Equal((65535, "localhost:1"), (options.Port, options.RegistryHost));
    }

    [Fact]
    public async Task A_bad_command_line_exits_2_before_anything_starts()
    {
        var error = Console.Error;
        using var captured = new StringWriter();
        Console.SetError(captured);
        try
        {
            Assert.Equal(2, await Program.Main(["--port", "x"]));
        }
        finally
        {
            Console.SetError(error);
        }

        Assert.Contains("--port must be a TCP port number", captured.ToString(), StringComparison.Ordinal);
    }
}
