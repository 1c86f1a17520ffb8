using System.Text.Json.Nodes;
using Slipway.Tests.Support;

namespace Slipway.Tests;

/// <summary>
/// Parameter files as the repository ships them (with <c>"$schema"</c>, nulls for "no value"), the names a
/// parameter may not take, and the schema editors read: its exact types, closed to unknown keys, written only when
/// it changes.
/// </summary>
public sealed class ParameterFileAndSchemaTests : IDisposable
{
    private readonly TestRepository repository = new();

    public enum Stage
    {
        Local,
        Staging,
    }

    private sealed class Typed : RecordingBuild
    {
        [Parameter("Where to deploy")]
        public Stage Environment { get; set; } = Stage.Local;

        [Parameter("A label")]
        public string? Label { get; set; } = "default-label";

        [Parameter("Push the image")]
        public bool Push { get; set; }

        [Parameter("How many tasks")]
        public int DesiredCount { get; set; } = 1;

        [Parameter("Bytes to keep")]
        public long? Budget { get; set; }

        [Parameter("Share of traffic")]
        public double Weight { get; set; }

        [Parameter("Tags to add")]
        public string[] Tags { get; set; } = [];

        [Parameter]
        public decimal Price { get; set; }

        Target Show => _ => _.Executes(() => Record($"{Environment}|{Label}|{Push}|{DesiredCount}|{string.Join(",", Tags)}"));
    }

    [Fact]
    public async Task A_parameters_file_with_a_schema_reference_and_nulls_binds_the_rest_and_keeps_defaults_for_the_nulls()
    {
        repository.WriteParameters("parameters.json", """
            {
              "$schema": "./build.schema.json",
              "Environment": "Staging",
              "Label": null,
              "Tags": ["a", "b"],
              "DesiredCount": null
            }
            """);
        var build = new Typed();

        var run = await BuildRun.RunAsync(build, repository, ["Show"]);

        Assert.Equal(ExitCodes.Success, run.ExitCode);
        Assert.Equal(["Staging|default-label|False|1|a,b"], build.Ran);
    }

    [Fact]
    public async Task A_profile_with_a_schema_reference_loads_too()
    {
        repository.WriteParameters("parameters.ci.json", """{ "$schema": "./build.schema.json", "Push": true }""");
        var build = new Typed();

        var run = await BuildRun.RunAsync(build, repository, ["Show", "--profile", "ci"]);

        Assert.Equal(ExitCodes.Success, run.ExitCode);
        Assert.Equal(["Local|default-label|True|1|"], build.Ran);
    }

    private sealed class ShadowsTarget : RecordingBuild
    {
        [Parameter("Which target")]
        public string? Target { get; set; }

        Target Show => _ => _.Executes(() => Record(nameof(Show)));
    }

    private sealed class ShadowsSkip : RecordingBuild
    {
        [Parameter("Skip the slow part")]
        public bool Skip { get; set; }

        Target Show => _ => _.Executes(() => Record(nameof(Show)));
    }

    private sealed class ShadowsVerbosity : RecordingBuild
    {
        [Parameter("How loud", Name = "Verbosity")]
        public string? Loudness { get; set; }

        Target Show => _ => _.Executes(() => Record(nameof(Show)));
    }

    [Theory]
    [InlineData("Target", "target")]
    [InlineData("Skip", "skip")]
    [InlineData("Verbosity", "verbosity")]
    public async Task A_parameter_named_like_a_built_in_option_is_a_usage_error_before_anything_runs(string name, string option)
    {
        RecordingBuild build = name switch
        {
            "Target" => new ShadowsTarget(),
            "Skip" => new ShadowsSkip(),
            _ => new ShadowsVerbosity(),
        };

        var run = await BuildRun.RunAsync(build, repository, ["Show"]);

        Assert.Equal(ExitCodes.UsageError, run.ExitCode);
        Assert.Equal($"error: Parameter {name} has the name of a built-in option (--{option}); rename it.{Environment.NewLine}", run.Error);
        Assert.Empty(build.Ran);
    }

    private AbsolutePath SchemaFile => repository.Root / ".nuke" / "build.schema.json";

    [Fact]
    public async Task The_schema_types_every_parameter_and_refuses_unknown_keys()
    {
        await BuildRun.RunAsync(new Typed(), repository, ["--help"]);

        var schema = JsonNode.Parse(SchemaFile.ReadAllText())!.AsObject();
        Assert.Equal("http://json-schema.org/draft-07/schema#", (string?)schema["$schema"]);
        Assert.Equal("Build parameters", (string?)schema["title"]);
        Assert.Equal("object", (string?)schema["type"]);
        Assert.False((bool)schema["additionalProperties"]!);
        var properties = schema["properties"]!.AsObject();
        Assert.Equal(["$schema", "Budget", "DesiredCount", "Environment", "Label", "Price", "Push", "Tags", "Weight"], properties.Select(p => p.Key));
        Assert.Equal("""{"type":"string"}""", properties["$schema"]!.ToJsonString());
        Assert.Equal("""{"type":"string","enum":["Local","Staging"],"description":"Where to deploy"}""", properties["Environment"]!.ToJsonString());
        Assert.Equal("""{"type":"string","description":"A label"}""", properties["Label"]!.ToJsonString());
        Assert.Equal("""{"type":"boolean","description":"Push the image"}""", properties["Push"]!.ToJsonString());
        Assert.Equal("""{"type":"integer","description":"How many tasks"}""", properties["DesiredCount"]!.ToJsonString());
        Assert.Equal("""{"type":"integer","description":"Bytes to keep"}""", properties["Budget"]!.ToJsonString());
        Assert.Equal("""{"type":"number","description":"Share of traffic"}""", properties["Weight"]!.ToJsonString());
        Assert.Equal("""{"type":"array","items":{"type":"string"},"description":"Tags to add"}""", properties["Tags"]!.ToJsonString());
        Assert.Equal("""{"type":"number"}""", properties["Price"]!.ToJsonString());
    }

    [Fact]
    public async Task The_schema_is_indented_and_ends_with_a_newline()
    {
        await BuildRun.RunAsync(new ShadowsNothing(), repository, ["--help"]);

        Assert.Equal(
            """
            {
              "$schema": "http://json-schema.org/draft-07/schema#",
              "title": "Build parameters",
              "type": "object",
              "additionalProperties": false,
              "properties": {
                "$schema": {
                  "type": "string"
                },
                "Count": {
                  "type": "integer",
                  "description": "How many"
                }
              }
            }

            """.ReplaceLineEndings("\n"),
            SchemaFile.ReadAllText());
    }

    private sealed class ShadowsNothing : RecordingBuild
    {
        [Parameter("How many")]
        public int Count { get; set; }

        Target Show => _ => _.Executes(() => Record(nameof(Show)));
    }

    [Fact]
    public async Task The_schema_is_written_only_when_its_content_changes()
    {
        await BuildRun.RunAsync(new ShadowsNothing(), repository, ["--help"]);
        var written = SchemaFile.ReadAllText();
        var past = new DateTime(2020, 1, 1, 0, 0, 0, DateTimeKind.Utc);
        File.SetLastWriteTimeUtc(SchemaFile, past);

        await BuildRun.RunAsync(new ShadowsNothing(), repository, ["--help"]);
        Assert.Equal(past, File.GetLastWriteTimeUtc(SchemaFile));

        SchemaFile.WriteAllText("{}\n");
        File.SetLastWriteTimeUtc(SchemaFile, past);
        await BuildRun.RunAsync(new ShadowsNothing(), repository, ["--help"]);
        Assert.Equal(written, SchemaFile.ReadAllText());
        Assert.NotEqual(past, File.GetLastWriteTimeUtc(SchemaFile));
    }

    public void Dispose() => repository.Dispose();
}
