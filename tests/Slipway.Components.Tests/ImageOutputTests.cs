using Slipway.Docker;
using Slipway.Versioning;

namespace Slipway.Components.Tests;

/// <summary>What DockerBuild and DockerPush tell a new user about the image they made.</summary>
public sealed class ImageOutputTests
{
    [Fact]
    public void Outside_git_the_build_says_the_image_is_tagged_unknown_and_dated_1970()
    {
        var warning = UntraceableImage.Warning(new BuildVersion("0.0.0-alpha.0", BuildVersion.UnknownCommit), "slipway/api");

        Assert.Equal(
            "Outside git: the image is tagged slipway/api:0.0.0-alpha.0 and slipway/api:unknown, and its created label is 1970-01-01 (there is no commit to take them from). Build from a git clone for an image that names its commit.",
            warning);
    }

    [Fact]
    public void In_git_there_is_nothing_to_warn_about() =>
        Assert.Null(UntraceableImage.Warning(new BuildVersion("1.2.3", "0123456789abcdef0123456789abcdef01234567"), "slipway/api"));

    [Fact]
    public void A_full_cache_hit_reads_as_nothing_rebuilt_not_as_a_fraction()
    {
        var image = new BuiltImage("sha256:1", ["slipway/api:1.2.3"], Steps: 12, CachedSteps: 10);

        Assert.Equal("nothing rebuilt, every step from cache", image.CacheSummary);
        Assert.Equal("rebuilt 1 step: COPY . /app", (image with { RebuiltSteps = ["COPY . /app"] }).CacheSummary);
    }

    [Theory]
    [InlineData(191_300_000, "191.3 MB")]
    [InlineData(1_500, "1.5 kB")]
    [InlineData(12, "12 B")]
    public void Sizes_are_in_one_decimal_unit_everywhere(long bytes, string expected) =>
        Assert.Equal(expected, ByteSize.Format(bytes));

    [Fact]
    public void After_a_build_and_a_push_the_next_command_is_named()
    {
        Assert.Contains("./build.sh DockerPush --registry <host:port>", NextSteps.AfterDockerBuild("slipway/api:1.2.3"), StringComparison.Ordinal);
        Assert.Contains("./build.sh Deploy --environment <name>", NextSteps.AfterDockerPush("127.0.0.1:5000/slipway/api@sha256:1"), StringComparison.Ordinal);
    }
}
