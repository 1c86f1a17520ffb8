using System.Text;
using System.Text.Json;

namespace Slipway.Docker.Tests;

/// <summary>The image config without what the classic builder makes different on every build of the same inputs.</summary>
public sealed class ReproducibleConfigTests
{
    private static readonly DateTimeOffset Commit = new(2026, 11, 26, 12, 0, 0, TimeSpan.Zero);

    private static readonly string[] DiffIds = ["sha256:base", "sha256:own"];

    [Fact]
    public void Two_builds_of_the_same_inputs_give_one_config()
    {
        var first = ReproducibleConfig.Rewrite(Config("2026-11-28T12:01:53.5Z", "4a02", "sha256:15bd", "20.10.24+dfsg1"), DiffIds, 1, Commit);
        var second = ReproducibleConfig.Rewrite(Config("2026-11-28T12:01:55.3Z", "606d", "sha256:8555", "27.3.1"), DiffIds, 1, Commit);

        Assert.Equal(Encoding.UTF8.GetString(first), Encoding.UTF8.GetString(second));
    }

    [Fact]
    public void The_base_history_keeps_its_dates_the_own_entries_and_the_image_get_the_commit_time_and_the_layers_are_the_new_ones()
    {
        var rewritten = JsonDocument.Parse(ReproducibleConfig.Rewrite(Config("2026-11-28T12:01:53.5Z", "4a02", "sha256:15bd", "20.10.24"), DiffIds, 1, Commit)).RootElement;

        Assert.Equal("2026-11-26T12:00:00Z", rewritten.GetProperty("created").GetString());
        var history = rewritten.GetProperty("history").EnumerateArray().Select(h => h.GetProperty("created").GetString()).ToList();
        Assert.Equal(["2025-01-01T00:00:00Z", "2026-11-26T12:00:00Z", "2026-11-26T12:00:00Z"], history);
        Assert.Equal(DiffIds, rewritten.GetProperty("rootfs").GetProperty("diff_ids").EnumerateArray().Select(d => d.GetString()));
        Assert.Equal("layers", rewritten.GetProperty("rootfs").GetProperty("type").GetString());
        Assert.False(rewritten.TryGetProperty("container", out _));
        Assert.False(rewritten.TryGetProperty("container_config", out _));
        Assert.False(rewritten.TryGetProperty("docker_version", out _));
        var config = rewritten.GetProperty("config");
        Assert.Equal("", config.GetProperty("Image").GetString());
        Assert.Equal("dotnet", config.GetProperty("Entrypoint")[0].GetString());
        Assert.Equal("1654", config.GetProperty("User").GetString());
        Assert.Equal("8080", config.GetProperty("Labels").GetProperty("port").GetString());
    }

    [Fact]
    public void A_config_without_a_rootfs_is_refused()
    {
        var failure = Assert.Throws<InvalidDataException>(() => ReproducibleConfig.Rewrite("{\"created\":\"x\"}"u8, DiffIds, 0, Commit));

        Assert.Contains("rootfs", failure.Message, StringComparison.Ordinal);
    }

    private static byte[] Config(string created, string container, string parentStep, string dockerVersion) => Encoding.UTF8.GetBytes($$"""
        {
          "architecture": "amd64",
          "config": { "User": "1654", "Entrypoint": ["dotnet", "Api.dll"], "Image": "{{parentStep}}", "Labels": { "port": "8080" } },
          "container": "{{container}}",
          "container_config": { "Hostname": "{{container}}", "Image": "{{parentStep}}" },
          "created": "{{created}}",
          "docker_version": "{{dockerVersion}}",
          "history": [
            { "created": "2025-01-01T00:00:00Z", "comment": "the base" },
            { "created": "{{created}}", "created_by": "/bin/sh -c #(nop) WORKDIR /app" },
            { "created": "{{created}}", "created_by": "/bin/sh -c #(nop) ENTRYPOINT", "empty_layer": true }
          ],
          "os": "linux",
          "rootfs": { "type": "layers", "diff_ids": ["sha256:base", "sha256:old"] }
        }
        """);
}
