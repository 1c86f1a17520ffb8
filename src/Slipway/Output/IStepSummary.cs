namespace Slipway.Output;

/// <summary>
/// The build's page of results: on GitHub Actions the job summary (<c>$GITHUB_STEP_SUMMARY</c>), locally
/// <c>.nuke/temp/summary.md</c> (started afresh by each build that runs targets). Secrets are masked.
/// </summary>
public interface IStepSummary
{
    /// <summary>Where the summary goes.</summary>
    AbsolutePath File { get; }

    /// <summary>Appends plain text as its own paragraph; Markdown characters in it are shown as they are.</summary>
    void WriteText(string text);

    /// <summary>Appends Markdown (a table, a heading, a list) as it is.</summary>
    void WriteMarkdown(string markdown);
}
