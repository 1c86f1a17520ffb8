namespace Slipway.Catalogue.Tests;

/// <summary>
/// Issue 13, "Errors that come late or in someone else's words": each bad value stops the build before any
/// target runs (no Restore, no Compile), with exit 2, the parameter named and what a valid value looks like.
/// </summary>
[Collection(CatalogueGroup.Name)]
[Trait(TestCategories.Name, TestCategories.Integration)]
public sealed class ParameterCases(CatalogueClone clone)
{
    private const string Sentinel = "catalogue-sentinel-password";

    public static TheoryData<string[], string> BadValues => new()
    {
        { ["DockerBuild", "--image-repository", "Slipway/Api"], "--image-repository: 'Slipway/Api' is not valid: repository names are lowercase. Use a lowercase repository name such as slipway/api" },
        { ["DockerBuild", "--image-repository", "bad repo!"], "--image-repository: 'bad repo!' is not valid" },
        { ["DockerBuild", "--image-repository", "slipway/api:1.0"], "--image-repository: 'slipway/api:1.0' is not valid: a repository name has no tag, digest or port" },
        { ["DockerBuild", "--base-image", "debian:bad tag"], "--base-image: 'debian:bad tag' is not valid: it is not of the form [registry/]repository[:tag][@sha256:digest]" },
        { ["DockerPush", "--registry", "https://127.0.0.1:5000"], "--registry: 'https://127.0.0.1:5000' is not valid: a registry is a host, without a scheme such as https://. Use host[:port]" },
        { ["DockerPush", "--registry", "127.0.0.1:5000/team"], "--registry: '127.0.0.1:5000/team' is not valid: a registry is a host without a path" },
        { ["DockerBuild", "--image-repository", ""], "--image-repository is empty. Give it a value (" },
        { ["DockerPush", "--registry", ""], "--registry is empty. Give it a value (" },
        { ["Deploy", "--environment", ""], "--environment is empty. Give it a value (one of: " },
        { ["Deploy", "--environment", "../../x"], "--environment: '../../x' is not an allowed value." },
        { ["Deploy", "--deploy-timeout", "soon"], "--deploy-timeout: 'soon' is not valid. Use a duration such as 90s" },
        { ["Deploy", "--wait", "forever"], "--wait: 'forever' is not valid. Use None, Deployed, Stable" },
        { ["DockerBuild", "--profile"], "--profile needs a value: one or more profile names." },
        { ["DockerBuild", "--profile", "../../x"], "--profile '../../x' is not a profile name" },
        { ["DockerPush", "--registry", "127.0.0.1:5000", "--registry-password", Sentinel], "--registry-password is given without --registry-username, so it would be ignored." },
    };

    [Theory]
    [MemberData(nameof(BadValues))]
    public async Task A_bad_value_is_exit_2_before_anything_runs_naming_the_parameter_and_a_valid_value(string[] args, string expected)
    {
        var run = await clone.BuildShAsync(args);

        Assert.True(run.ExitCode == 2, run.ToString());
        Assert.Contains("error: " + expected, run.Error, StringComparison.Ordinal);
        Assert.DoesNotContain("Restore", run.Output, StringComparison.Ordinal);
        Assert.DoesNotContain(Sentinel, run.All, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_same_checks_apply_to_SLIPWAY_environment_variables()
    {
        var run = await clone.BuildShAsync(["DockerBuild"], new Dictionary<string, string> { ["SLIPWAY_IMAGE_REPOSITORY"] = "Upper/Case" });

        Assert.True(run.ExitCode == 2, run.ToString());
        Assert.Contains("error: SLIPWAY_IMAGE_REPOSITORY: 'Upper/Case' is not valid: repository names are lowercase.", run.Error, StringComparison.Ordinal);
    }
}
