namespace Slipway.Docker.Tests;

/// <summary>The reference grammar that --registry, --image-repository and --base-image are checked against.</summary>
public sealed class ImageNameRulesTests
{
    [Theory]
    [InlineData("127.0.0.1:5000")]
    [InlineData("localhost")]
    [InlineData("123456789012.dkr.ecr.eu-west-1.amazonaws.com")]
    [InlineData("[::1]:5000")]
    public void Registry_hosts_with_an_optional_port_pass(string registry) => Assert.Null(ImageNameRules.RegistryProblem(registry));

    [Theory]
    [InlineData("https://127.0.0.1:5000", "scheme")]
    [InlineData("127.0.0.1:5000/team", "path")]
    [InlineData("bad host", "not a host name")]
    [InlineData("host:port", "not a host name")]
    [InlineData("-leading.example", "not a host name")]
    public void Registries_with_a_scheme_path_or_bad_host_are_named_with_the_reason(string registry, string reason) =>
        Assert.Contains(reason, ImageNameRules.RegistryProblem(registry), StringComparison.Ordinal);

    [Theory]
    [InlineData("slipway/api")]
    [InlineData("api")]
    [InlineData("team_a/my-service.v2")]
    [InlineData("a__b/c---d")]
    public void Lowercase_repository_paths_pass(string repository) => Assert.Null(ImageNameRules.RepositoryProblem(repository));

    [Theory]
    [InlineData("Slipway/Api", "lowercase")]
    [InlineData("slipway/api:1.0", "no tag")]
    [InlineData("slipway/api@sha256:abc", "no tag")]
    [InlineData("bad repo", "each part")]
    [InlineData("slipway//api", "each part")]
    [InlineData("-api", "each part")]
    [InlineData("api_", "each part")]
    public void Repository_names_docker_would_refuse_are_named_with_the_reason(string repository, string reason) =>
        Assert.Contains(reason, ImageNameRules.RepositoryProblem(repository), StringComparison.Ordinal);

    [Fact]
    public void A_repository_name_longer_than_255_characters_is_refused() =>
        Assert.NotNull(ImageNameRules.RepositoryProblem(new string('a', 256)));

    [Theory]
    [InlineData("mcr.microsoft.com/dotnet/aspnet:10.0")]
    [InlineData("debian")]
    [InlineData("127.0.0.1:5000/base/runtime:v1")]
    [InlineData("busybox@sha256:0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef")]
    [InlineData("localhost/x:1@sha256:0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef")]
    public void Full_references_pass(string reference) => Assert.Null(ImageNameRules.ReferenceProblem(reference));

    [Theory]
    [InlineData("Debian:12", "lowercase")]
    [InlineData("debian:", "not of the form")]
    [InlineData("debian:bad tag", "not of the form")]
    [InlineData("debian@sha256:xyz", "not of the form")]
    [InlineData("::", "not of the form")]
    public void References_docker_would_call_an_invalid_reference_format_are_named_with_the_reason(string reference, string reason) =>
        Assert.Contains(reason, ImageNameRules.ReferenceProblem(reference), StringComparison.Ordinal);
}
