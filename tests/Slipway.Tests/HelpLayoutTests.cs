using Slipway.Tests.Support;

namespace Slipway.Tests;

/// <summary><c>--help</c> exactly as users read it: headings, the default marker, dependencies, and columns that line up.</summary>
public sealed class HelpLayoutTests : IDisposable
{
    private readonly TestRepository repository = new();

    private static string Lines(params string[] lines) => string.Join(Environment.NewLine, lines) + Environment.NewLine;

    private static readonly string[] WideOptions =
    [
        "  --help, -h               Show targets and parameters, then exit.",
        "  --plan                   Print the execution plan as a Mermaid graph and write .nuke/temp/plan.html; run nothing.",
        "  --skip [targets]         Skip every target that was not invoked, or only the named ones.",
        "  --force [targets]        Run targets even when they are up to date: every one, or only the named ones (EcsDeploy: also deploy over a deployment in progress, or what already runs).",
        "  --profile <names>        Also read .nuke/parameters.<name>.json (later names win).",
        "  --target <names>         Targets to run (same as naming them first).",
        "  --verbosity <level>      Quiet, Normal or Verbose (debug lines and stack traces).",
        "  --check-generated        Compare every generated file (schema, workflows) with what the build generates; write nothing; exit 1 when one is stale (CI runs this).",
        "  --generate-workflows     Rewrite .github/workflows from the [GitHubActions] declarations (and delete generated ones no longer declared); run nothing.",
    ];

    private static readonly string[] NarrowOptions =
    [
        "  --help, -h            Show targets and parameters, then exit.",
        "  --plan                Print the execution plan as a Mermaid graph and write .nuke/temp/plan.html; run nothing.",
        "  --skip [targets]      Skip every target that was not invoked, or only the named ones.",
        "  --force [targets]     Run targets even when they are up to date: every one, or only the named ones (EcsDeploy: also deploy over a deployment in progress, or what already runs).",
        "  --profile <names>     Also read .nuke/parameters.<name>.json (later names win).",
        "  --target <names>      Targets to run (same as naming them first).",
        "  --verbosity <level>   Quiet, Normal or Verbose (debug lines and stack traces).",
        "  --check-generated     Compare every generated file (schema, workflows) with what the build generates; write nothing; exit 1 when one is stale (CI runs this).",
        "  --generate-workflows  Rewrite .github/workflows from the [GitHubActions] declarations (and delete generated ones no longer declared); run nothing.",
    ];

    private sealed class Helpful : RecordingBuild
    {
        [Parameter("Where to deploy")]
        public string? Stage { get; set; } = "dev";

        [Parameter("Registry password"), Secret]
        public string? RegistryPassword { get; set; } = "hunter2-secret";

        [Parameter]
        public string[] Tags { get; set; } = [];

        [Parameter("How many")]
        public int Count { get; set; } = 3;

        Target Compile => _ => _.Description("Build it").Executes(() => Record(nameof(Compile)));

        Target Test => _ => _.DependsOn(Compile).Description("Run the tests").Executes(() => Record(nameof(Test)));

        Target Publish => _ => _.DependsOn(Compile, Test).Executes(() => Record(nameof(Publish)));

        Target Hidden => _ => _.Unlisted().Description("not for users").Executes(() => Record(nameof(Hidden)));
    }

    [Fact]
    public async Task Help_lists_targets_then_parameters_then_options_in_aligned_columns()
    {
        var build = new Helpful();

        var run = await BuildRun.RunAsync(build, repository, ["--help"], defaultTargets: ["test"]);

        Assert.Equal(ExitCodes.Success, run.ExitCode);
        Assert.Empty(build.Ran);
        Assert.Equal(
            Lines(
                "Usage: ./build.sh [targets...] [--parameter value...]",
                "",
                "Targets (default marked with *):",
                "    Compile    Build it",
                "  * Test       Run the tests (after Compile)",
                "    Publish     (after Compile, Test)",
                "",
                "Parameters (command line > SLIPWAY_* environment variable > .nuke/parameters.<profile>.json > .nuke/parameters.json):",
                "  --count                  How many",
                "                           values: a whole number; default: 3; env: SLIPWAY_COUNT",
                "  --registry-password      Registry password",
                "                           values: text; default: (secret); env: SLIPWAY_REGISTRY_PASSWORD",
                "  --stage                  Where to deploy",
                "                           values: text; default: dev; env: SLIPWAY_STAGE",
                "  --tags",
                "                           values: one or more of: text (separate with spaces or commas); default: (none); env: SLIPWAY_TAGS",
                "",
                "Options:") + Lines(WideOptions) + Environment.NewLine,
            run.Output);
    }

    private sealed class Terse : RecordingBuild
    {
        [Parameter("Go")]
        public bool Go { get; set; }

        Target A => _ => _.Executes(() => Record(nameof(A)));
    }

    [Fact]
    public async Task With_short_names_the_options_still_get_a_column_of_their_own()
    {
        var run = await BuildRun.RunAsync(new Terse(), repository, ["--help"]);

        Assert.Equal(
            Lines(
                "Usage: ./build.sh [targets...] [--parameter value...]",
                "",
                "Targets (default marked with *):",
                "    A",
                "",
                "Parameters (command line > SLIPWAY_* environment variable > .nuke/parameters.<profile>.json > .nuke/parameters.json):",
                "  --go                  Go",
                "                        values: true or false (a bare flag means true); default: False; env: SLIPWAY_GO",
                "",
                "Options:") + Lines(NarrowOptions) + Environment.NewLine,
            run.Output);
    }

    public void Dispose() => repository.Dispose();
}
