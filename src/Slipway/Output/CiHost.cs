namespace Slipway.Output;

/// <summary>Where the build runs, read from the environment: decides annotations, groups and the step summary.</summary>
internal sealed record CiHost(bool IsGitHubActions, bool IsServerBuild, string? StepSummaryFile)
{
    public static CiHost From(IReadOnlyDictionary<string, string> environment)
    {
        var gitHub = IsTrue(environment.GetValueOrDefault("GITHUB_ACTIONS"));
        var server = gitHub || IsTrue(environment.GetValueOrDefault("CI")) || IsTrue(environment.GetValueOrDefault("TF_BUILD"));
        var summary = environment.GetValueOrDefault("GITHUB_STEP_SUMMARY");
        return new CiHost(gitHub, server, string.IsNullOrWhiteSpace(summary) ? null : summary);
    }

    private static bool IsTrue(string? value) =>
        value is not null && (value.Equals("true", StringComparison.OrdinalIgnoreCase) || value == "1");
}
