using Slipway.Parameters;

namespace Slipway.CommandLine;

/// <summary>The engine's own options, which no build parameter may shadow.</summary>
internal static class BuiltInOptions
{
    public const string Help = "help";
    public const string Plan = "plan";
    public const string Skip = "skip";
    public const string Force = "force";
    public const string Profile = "profile";
    public const string Target = "target";
    public const string Verbosity = "verbosity";
    public const string CheckGenerated = "checkgenerated";

    public static readonly IReadOnlyList<(string Name, string Description)> Descriptions =
    [
        ("--help, -h", "Show targets and parameters, then exit."),
        ("--plan", "Print the execution plan as a Mermaid graph and write .nuke/temp/plan.html; run nothing."),
        ("--skip [targets]", "Skip every target that was not invoked, or only the named ones."),
        ("--force [targets]", "Run targets even when they are up to date: every one, or only the named ones (EcsDeploy: also deploy over a deployment in progress, or what already runs)."),
        ("--profile <names>", "Also read .nuke/parameters.<name>.json (later names win)."),
        ("--target <names>", "Targets to run (same as naming them first)."),
        ("--verbosity <level>", "Quiet, Normal or Verbose (debug lines and stack traces)."),
        ("--check-generated", "Compare every generated file (schema, workflows) with what the build generates; write nothing; exit 1 when one is stale (CI runs this)."),
        (Workflows.WorkflowCommands.Description.Name, Workflows.WorkflowCommands.Description.Text),
    ];

    public static IReadOnlyCollection<string> Keys { get; } =
        new HashSet<string>([Help, Plan, Skip, Force, Profile, Target, Verbosity, CheckGenerated, Workflows.WorkflowCommands.Key], StringComparer.Ordinal);

    public static CommandLineOption? Find(CommandLineArguments arguments, string key) =>
        arguments.Options.LastOrDefault(o => ParameterNames.Normalize(o.Name) == key);
}
