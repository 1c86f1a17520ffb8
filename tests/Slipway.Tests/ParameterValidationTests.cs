using Slipway.Tests.Support;

namespace Slipway.Tests;

/// <summary>Values are checked while parameters are bound: exit 2, the parameter named, nothing run.</summary>
public sealed class ParameterValidationTests : IDisposable
{
    private readonly TestRepository repository = new();

    private sealed class LowercaseAttribute : ParameterFormatAttribute
    {
        public override string Expected => "lowercase letters, e.g. api";

        public override string? Problem(string value) => value.All(char.IsAsciiLetterLower) ? null : "it has a character other than a-z";
    }

    private sealed class ValidatedBuild : RecordingBuild
    {
        [Parameter("A name"), Lowercase]
        public string? Name { get; set; }

        [Parameter("Names"), Lowercase]
        public string[]? Names { get; set; }

        [Parameter("How many")]
        public int Count { get; set; } = 1;

        [Parameter("User")]
        public string? User { get; set; }

        [Parameter("Password"), Secret, RequiresParameter(nameof(User))]
        public string? Password { get; set; }

        Target Show => _ => _.Executes(() => Record($"{Name}|{Count}|{User}"));
    }

    private async Task<(BuildRun Run, ValidatedBuild Build)> Run(string[] args, Dictionary<string, string>? environment = null)
    {
        var build = new ValidatedBuild();
        var run = await BuildRun.RunAsync(build, repository, ["Show", .. args], environment);
        return (run, build);
    }

    [Theory]
    [InlineData("--name", "Api")]
    [InlineData("--names", "api,Web")]
    public async Task A_value_of_the_wrong_shape_is_a_usage_error_naming_the_parameter_the_problem_and_an_example(string option, string value)
    {
        var (run, build) = await Run([option, value]);

        Assert.Equal(ExitCodes.UsageError, run.ExitCode);
        Assert.Contains($"error: {option}: '", run.Error, StringComparison.Ordinal);
        Assert.Contains("is not valid: it has a character other than a-z. Use lowercase letters, e.g. api.", run.Error, StringComparison.Ordinal);
        Assert.Empty(build.Ran);
    }

    [Fact]
    public async Task A_value_of_the_right_shape_binds()
    {
        var (run, build) = await Run(["--name", "api"]);

        Assert.Equal(ExitCodes.Success, run.ExitCode);
        Assert.Equal(["api|1|"], build.Ran);
    }

    [Fact]
    public async Task The_format_applies_to_parameter_files_too()
    {
        repository.WriteParameters("parameters.json", """{ "Name": "API" }""");

        var (run, _) = await Run([]);

        Assert.Equal(ExitCodes.UsageError, run.ExitCode);
        Assert.Contains("error: .nuke/parameters.json: Name: 'API' is not valid", run.Error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("--name")]
    [InlineData("--count")]
    [InlineData("--user")]
    public async Task An_empty_value_is_an_error_for_every_parameter_whatever_its_type(string option)
    {
        var (run, build) = await Run([option, "  "]);

        Assert.Equal(ExitCodes.UsageError, run.ExitCode);
        Assert.Contains($"error: {option} is empty. Give it a value (", run.Error, StringComparison.Ordinal);
        Assert.Contains("or leave it out to use its default.", run.Error, StringComparison.Ordinal);
        Assert.Empty(build.Ran);
    }

    [Fact]
    public async Task An_empty_value_in_a_parameter_file_is_the_same_error()
    {
        repository.WriteParameters("parameters.json", """{ "User": "" }""");

        var (run, _) = await Run([]);

        Assert.Equal(ExitCodes.UsageError, run.ExitCode);
        Assert.Contains("error: .nuke/parameters.json: User is empty.", run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_empty_environment_variable_stays_no_value_at_all()
    {
        var (run, build) = await Run([], new() { ["SLIPWAY_USER"] = "" });

        Assert.Equal(ExitCodes.Success, run.ExitCode);
        Assert.Equal(["|1|"], build.Ran);
    }

    [Fact]
    public async Task A_password_without_its_user_is_a_usage_error_not_dropped_and_not_shown()
    {
        var (run, build) = await Run(["--password", "sentinel-secret"]);

        Assert.Equal(ExitCodes.UsageError, run.ExitCode);
        Assert.Contains("error: --password is given without --user, so it would be ignored. Give --user too (or SLIPWAY_USER)", run.Error, StringComparison.Ordinal);
        Assert.DoesNotContain("sentinel-secret", run.Error + run.Output, StringComparison.Ordinal);
        Assert.Empty(build.Ran);
    }

    [Fact]
    public async Task A_password_with_its_user_binds()
    {
        var (run, build) = await Run(["--password", "p", "--user", "me"]);

        Assert.Equal(ExitCodes.Success, run.ExitCode);
        Assert.Equal(["|1|me"], build.Ran);
    }

    [Fact]
    public async Task A_bare_profile_option_is_a_usage_error_listing_the_profiles()
    {
        repository.WriteParameters("parameters.ci.json", "{}");

        var (run, _) = await Run(["--profile"]);

        Assert.Equal(ExitCodes.UsageError, run.ExitCode);
        Assert.Contains("error: --profile needs a value: one or more profile names. Available profiles: ci.", run.Error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("../../x")]
    [InlineData("a/b")]
    [InlineData("")]
    public async Task A_profile_name_that_is_a_path_or_empty_is_a_usage_error(string profile)
    {
        (repository.Root / "x.json").WriteAllText("{}");

        var (run, _) = await Run(["--profile", profile]);

        Assert.Equal(ExitCodes.UsageError, run.ExitCode);
        Assert.Contains("error: --profile ", run.Error, StringComparison.Ordinal);
        Assert.Contains("profile name", run.Error, StringComparison.Ordinal);
    }

    public void Dispose() => repository.Dispose();
}
