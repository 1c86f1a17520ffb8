using Slipway.CommandLine;
using Slipway.Execution;
using Slipway.Output;
using Slipway.Parameters;

namespace Slipway.Workflows;

/// <summary>
/// The engine's workflow options: <c>--generate-workflows</c> rewrites <c>.github/workflows</c>,
/// <c>--check-workflows</c> fails with a diff when the committed files differ. Any other run of a build that
/// declares workflows compares them too: a stale file is a warning on a developer's machine (never a question)
/// and a failure on CI, where nobody would read the warning.
/// </summary>
internal static class WorkflowCommands
{
    public const string Generate = "generate-workflows";
    public const string Check = "check-workflows";

    public static readonly IReadOnlyList<(string Name, string Description)> Descriptions =
    [
        ("--generate-workflows", "Rewrite .github/workflows from the [GitHubActions] declarations; run nothing."),
        ("--check-workflows", "Exit 1 with a diff when .github/workflows differs from the declarations; run nothing."),
    ];

    /// <summary>Handles the workflow options; returns the exit code when the run ends here, else null.</summary>
    public static int? Run(NukeBuild build, CommandLineArguments arguments, BuildSession session)
    {
        var generate = BuiltInOptions.Find(arguments, ParameterNames.Normalize(Generate)) is not null;
        var check = BuiltInOptions.Find(arguments, ParameterNames.Normalize(Check)) is not null;
        if (!generate && !check && !WorkflowDeclarations.HasAny(build.GetType()))
        {
            return null; // Nothing declared: the run pays nothing for this feature.
        }

        var workflows = GeneratedWorkflows.Generate(build, session.RootDirectory);
        foreach (var warning in generate || check ? workflows.Warnings : [])
        {
            session.Log.Warning(warning); // Said when working on the workflows, not on every run.
        }

        if (generate)
        {
            var changes = workflows.Write();
            foreach (var change in changes)
            {
                session.Log.Information(change);
            }

            session.Log.Information(changes.Count == 0
                ? $"{Count(workflows.Files.Count)} in {GeneratedWorkflows.Directory} already up to date."
                : $"{changes.Count} of {Count(workflows.Files.Count)} in {GeneratedWorkflows.Directory} changed: commit them.");
            return ExitCodes.Success;
        }

        if (check)
        {
            return ReportDifferences(workflows, session, failOnDifference: true) ? ExitCodes.TargetFailed : ExitCodes.Success;
        }

        // An ordinary run. A checkout without a workflow directory (a copy of the build, a fresh repository)
        // has chosen not to keep workflows yet: nothing to be stale.
        if (!workflows.WorkflowDirectory.DirectoryExists)
        {
            return null;
        }

        return ReportDifferences(workflows, session, failOnDifference: session.Host.IsServerBuild) && session.Host.IsServerBuild
            ? ExitCodes.TargetFailed
            : null;
    }

    /// <summary>Logs each stale file (with its diff when failing); returns whether any differs.</summary>
    private static bool ReportDifferences(GeneratedWorkflows workflows, BuildSession session, bool failOnDifference)
    {
        var differences = workflows.Compare();
        if (differences.Count == 0)
        {
            if (failOnDifference)
            {
                session.Log.Information($"{Count(workflows.Files.Count)} in {GeneratedWorkflows.Directory}, all as the declarations generate them.");
            }

            return false;
        }

        const string Fix = "Run ./build.sh --generate-workflows and commit the result.";
        if (!failOnDifference)
        {
            session.Log.Warning($"{string.Join(" ", differences.Select(d => d.Describe()))} {Fix}");
            return true;
        }

        foreach (var difference in differences)
        {
            session.Log.Error(difference.Describe());
            session.Log.WriteRaw(difference.Diff());
        }

        session.Log.Error($"{differences.Count} of the files in {GeneratedWorkflows.Directory} {(differences.Count == 1 ? "is" : "are")} stale. {Fix}");
        return true;
    }

    private static string Count(int workflows) => workflows == 1 ? "1 workflow" : $"{workflows} workflows";
}
