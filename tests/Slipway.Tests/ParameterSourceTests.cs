using Slipway.Tests.Support;

namespace Slipway.Tests;

public sealed class ParameterSourceTests : IDisposable
{
    private readonly TestRepository repository = new();

    public enum Stage
    {
        Local,
        Staging,
        Production,
    }

    private sealed class ParameterBuild : RecordingBuild
    {
        [Parameter("Where to deploy")]
        public Stage Environment { get; set; } = Stage.Local;

        [Parameter("A label")]
        public string? Label { get; set; }

        [Parameter("Push the image")]
        public bool Push { get; set; }

        [Parameter("How many tasks")]
        public int DesiredCount { get; set; } = 1;

        Target Show => _ => _.Executes(() => Record($"{Environment}|{Label}|{Push}|{DesiredCount}"));
    }

    private async Task<(BuildRun Run, ParameterBuild Build)> Run(string[] args, Dictionary<string, string>? environment = null)
    {
        var build = new ParameterBuild();
        var run = await BuildRun.RunAsync(build, repository, ["Show", .. args], environment);
        return (run, build);
    }

    [Fact]
    public async Task The_command_line_takes_kebab_case_names()
    {
        var (run, build) = await Run(["--environment", "staging", "--label", "x", "--push", "--desired-count", "3"]);

        Assert.Equal(ExitCodes.Success, run.ExitCode);
        Assert.Equal(["Staging|x|True|3"], build.Ran);
    }

    [Fact]
    public async Task Equals_form_is_accepted_on_the_command_line()
    {
        var (_, build) = await Run(["--label=a b", "--desired-count=2"]);

        Assert.Equal(["Local|a b|False|2"], build.Ran);
    }

    [Fact]
    public async Task Environment_variables_need_the_SLIPWAY_prefix()
    {
        var (_, build) = await Run([], new() { ["SLIPWAY_ENVIRONMENT"] = "production", ["SLIPWAY_DESIRED_COUNT"] = "4" });

        Assert.Equal(["Production||False|4"], build.Ran);
    }

    [Fact]
    public async Task A_generic_environment_variable_does_not_hijack_a_parameter()
    {
        var (run, build) = await Run([], new() { ["ENVIRONMENT"] = "production", ["LABEL"] = "from-elsewhere", ["PUSH"] = "true", ["TARGET"] = "Nope" });

        Assert.Equal(ExitCodes.Success, run.ExitCode);
        Assert.Equal(["Local||False|1"], build.Ran);
    }

    [Fact]
    public async Task An_empty_environment_variable_is_no_value_and_not_true()
    {
        var (_, build) = await Run([], new() { ["SLIPWAY_PUSH"] = "", ["SLIPWAY_LABEL"] = "  " });

        Assert.Equal(["Local||False|1"], build.Ran);
    }

    [Fact]
    public async Task The_command_line_beats_the_environment_which_beats_profiles_which_beat_parameters_json()
    {
        repository.WriteParameters("parameters.json", """{ "Label": "file", "DesiredCount": 5, "Environment": "Staging", "Push": true }""");
        repository.WriteParameters("parameters.ci.json", """{ "Label": "profile", "DesiredCount": 6 }""");

        var (_, build) = await Run(["--profile", "ci", "--label", "cli"], new() { ["SLIPWAY_DESIRED_COUNT"] = "7" });

        // Label: command line; DesiredCount: environment; Environment and Push: parameters.json (no one else set them).
        Assert.Equal(["Staging|cli|True|7"], build.Ran);
    }

    [Fact]
    public async Task A_profile_beats_parameters_json_and_later_profiles_beat_earlier_ones()
    {
        repository.WriteParameters("parameters.json", """{ "Label": "file", "DesiredCount": 5 }""");
        repository.WriteParameters("parameters.a.json", """{ "Label": "a", "DesiredCount": 8 }""");
        repository.WriteParameters("parameters.b.json", """{ "Label": "b" }""");

        var (_, build) = await Run(["--profile", "a", "b"]);

        Assert.Equal(["Local|b|False|8"], build.Ran);
    }

    [Fact]
    public async Task An_unknown_profile_lists_the_available_ones()
    {
        repository.WriteParameters("parameters.staging.json", "{}");

        var (run, build) = await Run(["--profile", "stagin"]);

        Assert.Equal(ExitCodes.UsageError, run.ExitCode);
        Assert.Contains("there is no .nuke/parameters.stagin.json", run.Error, StringComparison.Ordinal);
        Assert.Contains("Available profiles: staging", run.Error, StringComparison.Ordinal);
        Assert.Empty(build.Ran);
    }

    [Fact]
    public async Task An_unknown_parameter_suggests_the_closest_and_runs_nothing()
    {
        var (run, build) = await Run(["--enviroment", "staging"]);

        Assert.Equal(ExitCodes.UsageError, run.ExitCode);
        Assert.Contains("--enviroment is not a known parameter. Did you mean --environment?", run.Error, StringComparison.Ordinal);
        Assert.Empty(build.Ran);
    }

    [Fact]
    public async Task An_unknown_SLIPWAY_variable_is_an_error_naming_it()
    {
        var (run, _) = await Run([], new() { ["SLIPWAY_ENVIRONEMNT"] = "staging" });

        Assert.Equal(ExitCodes.UsageError, run.ExitCode);
        Assert.Contains("Environment variable SLIPWAY_ENVIRONEMNT is not a known parameter. Did you mean SLIPWAY_ENVIRONMENT?", run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_unknown_key_in_a_parameters_file_names_the_file_and_key()
    {
        repository.WriteParameters("parameters.json", """{ "Lable": "x" }""");

        var (run, _) = await Run([]);

        Assert.Equal(ExitCodes.UsageError, run.ExitCode);
        Assert.Contains(".nuke/parameters.json: \"Lable\" is not a known parameter. Did you mean Label?", run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Invalid_json_in_a_parameters_file_is_a_usage_error()
    {
        repository.WriteParameters("parameters.json", "{ \"Label\": ");

        var (run, _) = await Run([]);

        Assert.Equal(ExitCodes.UsageError, run.ExitCode);
        Assert.Contains(".nuke/parameters.json is not valid JSON", run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_bad_value_says_which_values_are_valid_and_where_it_came_from()
    {
        var (run, build) = await Run([], new() { ["SLIPWAY_ENVIRONMENT"] = "prod" });

        Assert.Equal(ExitCodes.UsageError, run.ExitCode);
        Assert.Contains("SLIPWAY_ENVIRONMENT: 'prod' is not valid. Use Local, Staging, Production.", run.Error, StringComparison.Ordinal);
        Assert.Empty(build.Ran);
    }

    [Fact]
    public async Task A_parameter_given_twice_is_an_error()
    {
        var (run, _) = await Run(["--label", "a", "--label", "b"]);

        Assert.Equal(ExitCodes.UsageError, run.ExitCode);
        Assert.Contains("--label is given twice", run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_bad_value_leaves_every_parameter_untouched()
    {
        var (_, build) = await Run(["--label", "set", "--desired-count", "many"]);

        Assert.Null(build.Label);
    }

    public void Dispose() => repository.Dispose();
}
