using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using Slipway.Tests.Support;

namespace Slipway.Tests;

/// <summary>Parameters whose allowed values a member lists (NUKE's ValueProviderMember), and parsable types.</summary>
public sealed class ValueProviderTests : IDisposable
{
    private readonly TestRepository repository = new();

    /// <summary>A component whose allowed values come from the repository, as deploy/environments/*.json would.</summary>
    private interface IDeploy : INukeBuild
    {
        [Parameter("Where to deploy", ValueProviderMember = nameof(EnvironmentNames))]
        string? Environment => TryGetValue(() => Environment);

        IEnumerable<string> EnvironmentNames =>
            Directory.EnumerateFiles(RootDirectory / "environments", "*.json").Select(Path.GetFileNameWithoutExtension).Order(StringComparer.Ordinal)!;

        List<string> Deployed { get; }

        Target Deploy => _ => _.Requires(() => Environment).Executes(() => Deployed.Add(Environment!));
    }

    private sealed class Build : NukeBuild, IDeploy
    {
        [Parameter("Regions to serve", ValueProviderMember = nameof(Regions))]
        public string[] ServedRegions { get; set; } = [];

        [Parameter("Deployment slot", ValueProviderMember = nameof(SlotNames))]
        public string? Slot { get; set; }

        [Parameter("Wait at most this long")]
        public Minutes? Patience { get; set; }

        [Parameter("Service version")]
        public Version? ServiceVersion { get; set; }

        public List<string> Deployed { get; } = [];

        private static IEnumerable<string> Regions() => ["eu-west-1", "us-east-1"];

        private IEnumerable<string> SlotNames => ["blue", "green"];

        Target Show => _ => _.Executes(() => Deployed.Add($"{Slot}|{string.Join(',', ServedRegions)}|{Patience}|{ServiceVersion}"));
    }

    /// <summary>A type the engine does not know: it converts through its IParsable implementation.</summary>
    public readonly record struct Minutes(int Value) : IParsable<Minutes>
    {
        public static Minutes Parse(string s, IFormatProvider? provider) =>
            TryParse(s, provider, out var result) ? result : throw new FormatException(s);

        public static bool TryParse([NotNullWhen(true)] string? s, IFormatProvider? provider, out Minutes result)
        {
            result = default;
            if (s is null || !s.EndsWith("min", StringComparison.Ordinal) || !int.TryParse(s[..^3], NumberStyles.Integer, provider, out var value))
            {
                return false;
            }

            result = new Minutes(value);
            return true;
        }

        public override string ToString() => $"{Value}min";
    }

    public ValueProviderTests()
    {
        (repository.Root / "environments" / "local.json").WriteAllText("{}");
        (repository.Root / "environments" / "staging.json").WriteAllText("{}");
    }

    [Fact]
    public async Task A_value_from_the_provider_is_accepted_in_any_case_and_stored_as_listed()
    {
        var build = new Build();

        var run = await BuildRun.RunAsync(build, repository, ["Deploy", "--environment", "STAGING"]);

        Assert.Equal(ExitCodes.Success, run.ExitCode);
        Assert.Equal(["staging"], build.Deployed);
    }

    [Fact]
    public async Task A_value_the_provider_does_not_list_is_a_usage_error_with_a_suggestion_and_the_choices()
    {
        var build = new Build();

        var run = await BuildRun.RunAsync(build, repository, ["Deploy", "--environment", "stagign"]);

        Assert.Equal(ExitCodes.UsageError, run.ExitCode);
        Assert.Contains("--environment: 'stagign' is not an allowed value. Did you mean 'staging'? Use one of: local, staging.", run.Error, StringComparison.Ordinal);
        Assert.Empty(build.Deployed);
    }

    [Fact]
    public async Task Providers_may_be_static_methods_or_instance_properties_and_arrays_check_each_item()
    {
        var build = new Build();

        var good = await BuildRun.RunAsync(build, repository, ["Show", "--slot", "Green", "--served-regions", "us-east-1,EU-WEST-1"]);
        var bad = await BuildRun.RunAsync(new Build(), repository, ["Show", "--served-regions", "eu-west-1", "mars-1"]);

        Assert.Equal(ExitCodes.Success, good.ExitCode);
        Assert.Equal(["green|us-east-1,eu-west-1||"], build.Deployed);
        Assert.Equal(ExitCodes.UsageError, bad.ExitCode);
        Assert.Contains("--served-regions: 'mars-1' is not an allowed value.", bad.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Help_and_the_schema_list_the_allowed_values()
    {
        var run = await BuildRun.RunAsync(new Build(), repository, ["--help"]);

        Assert.Contains("values: one of: local, staging; default: (none); env: SLIPWAY_ENVIRONMENT", run.Output, StringComparison.Ordinal);
        Assert.Contains("values: one or more of: eu-west-1, us-east-1 (separate with spaces or commas)", run.Output, StringComparison.Ordinal);
        var schema = System.Text.Json.Nodes.JsonNode.Parse((repository.Root / ".nuke" / "build.schema.json").ReadAllText())!;
        Assert.Equal("""["local","staging"]""", schema["properties"]!["Environment"]!["enum"]!.ToJsonString());
        Assert.Equal("""["blue","green"]""", schema["properties"]!["Slot"]!["enum"]!.ToJsonString());
        Assert.Equal("""["eu-west-1","us-east-1"]""", schema["properties"]!["ServedRegions"]!["items"]!["enum"]!.ToJsonString());
    }

    [Fact]
    public async Task Values_from_parameter_files_are_checked_against_the_provider_too()
    {
        repository.WriteParameters("parameters.json", """{ "Environment": "prod" }""");

        var run = await BuildRun.RunAsync(new Build(), repository, ["Deploy"]);

        Assert.Equal(ExitCodes.UsageError, run.ExitCode);
        Assert.Contains(".nuke/parameters.json: Environment: 'prod' is not an allowed value.", run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Types_with_a_static_TryParse_convert_and_a_bad_value_says_what_the_type_wants()
    {
        var build = new Build();

        var good = await BuildRun.RunAsync(build, repository, ["Show", "--patience", "15min", "--service-version", "1.4.2"]);
        var bad = await BuildRun.RunAsync(new Build(), repository, ["Show", "--patience", "soon"]);

        Assert.Equal(ExitCodes.Success, good.ExitCode);
        Assert.Equal(["||15min|1.4.2"], build.Deployed);
        Assert.Equal(ExitCodes.UsageError, bad.ExitCode);
        Assert.Contains("--patience: 'soon' is not valid. Use a Minutes.", bad.Error, StringComparison.Ordinal);
    }

    private sealed class BrokenProvider : NukeBuild
    {
        [Parameter(ValueProviderMember = "NoSuchMember")]
        public string? Choice { get; set; }

        Target Run => _ => _.Executes(() => { });
    }

    [Fact]
    public async Task A_provider_that_does_not_exist_is_a_usage_error_naming_it()
    {
        var run = await BuildRun.RunAsync(new BrokenProvider(), repository, ["Run"]);

        Assert.Equal(ExitCodes.UsageError, run.ExitCode);
        Assert.Contains("names ValueProviderMember \"NoSuchMember\"", run.Error, StringComparison.Ordinal);
    }

    public void Dispose() => repository.Dispose();
}
