using Slipway.CommandLine;
using Slipway.Execution;
using Slipway.Output;
using Slipway.Parameters;

namespace Slipway.Workflows;

/// <summary>
/// The workflows in the engine's run: <c>--generate-workflows</c> rewrites <c>.github/workflows</c> (deleting
/// generated files no declaration produces any more) and says what the declarations still lack. Any other run
/// compares them before the engine rewrites its generated files: a stale workflow is a warning on a developer's
/// machine (never a question; the run then regenerates it) and a failure with the diff on CI, where the
/// committed file is what runs. <c>--check-generated</c> checks them with the other generated files.
/// </summary>
internal static class WorkflowCommands
{
    public const string Option = "--generate-workflows";

    public static readonly string Key = ParameterNames.Normalize(Option);

    public static readonly (string Name, string Text) Description =
        (Option, "Rewrite .github/workflows from the [GitHubActions] declarations (and delete generated ones no longer declared); run nothing.");

    /// <summary>Whether this run renders the workflows: not for a plain <c>--help</c>, which must stay instant
    /// (rendering costs the YAML writer's start-up), unless it also generates or checks.</summary>
    public static bool IsNeeded(CommandLineArguments arguments) =>
        BuiltInOptions.Find(arguments, BuiltInOptions.Help) is null
        || BuiltInOptions.Find(arguments, Key) is not null
        || BuiltInOptions.Find(arguments, BuiltInOptions.CheckGenerated) is not null;

    /// <summary>Returns the exit code when the run ends here (after the generated files are written when it is
    /// 0), or null to go on.</summary>
    public static int? Run(GeneratedWorkflows? workflows, CommandLineArguments arguments, BuildSession session)
    {
        if (BuiltInOptions.Find(arguments, Key) is not null)
        {
            return Generate(workflows ?? GeneratedWorkflows.None(session.RootDirectory), session.Log);
        }

        // A build without declarations pays nothing; a checkout without a workflow directory (a copy of the
        // build, a new repository) has nothing to be stale: the engine writes the files.
        if (workflows is null || !workflows.WorkflowDirectory.DirectoryExists)
        {
            return null;
        }

        var differences = workflows.Compare();
        if (differences.Count == 0)
        {
            return null;
        }

        const string Fix = "Run ./build.sh --generate-workflows and commit the result.";
        if (!session.Host.IsServerBuild)
        {
            session.Log.Warning($"{string.Join(" ", differences.Select(d => d.Describe()))} This run regenerates the declared workflows; {char.ToLowerInvariant(Fix[0])}{Fix[1..]}");
            return null;
        }

        foreach (var difference in differences)
        {
            session.Log.Error(difference.Describe());
            session.Log.WriteRaw(difference.Diff());
        }

        session.Log.Error($"{differences.Count} of the files in {GeneratedWorkflows.Directory} {(differences.Count == 1 ? "is" : "are")} stale: the committed workflows are not what the build declares. {Fix}");
        return ExitCodes.TargetFailed;
    }

    private static int Generate(GeneratedWorkflows workflows, ConsoleLog log)
    {
        foreach (var warning in workflows.Warnings)
        {
            log.Warning(warning);
        }

        var changes = workflows.Write();
        foreach (var change in changes)
        {
            log.Information(change);
        }

        log.Information(changes.Count == 0
            ? $"{Count(workflows.Files.Count)} in {GeneratedWorkflows.Directory} already up to date."
            : $"{changes.Count} of {Count(workflows.Files.Count)} in {GeneratedWorkflows.Directory} changed: commit them.");
        return ExitCodes.Success;
    }

    private static string Count(int workflows) => workflows == 1 ? "1 workflow" : $"{workflows} workflows";
}
