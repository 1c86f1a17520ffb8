namespace Slipway.Docker;

/// <summary>A Dockerfile step failed; the message names the step and the engine's error, not a stack trace.</summary>
public sealed class DockerBuildException : Exception
{
    public DockerBuildException()
    {
    }

    public DockerBuildException(string message)
        : base(message)
    {
    }

    public DockerBuildException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public DockerBuildException(string? step, string error)
        : base(step is null ? $"docker build failed: {error}" : $"docker build failed at {step}: {error}")
    {
        Step = step;
        Error = error;
    }

    /// <summary>The failing step as the engine printed it, e.g. <c>Step 3/6 : RUN false</c>; null when it failed before any step.</summary>
    public string? Step { get; }

    /// <summary>The engine's error text.</summary>
    public string? Error { get; }

    /// <summary>
    /// The untagged image of the last step that succeeded. The engine keeps it as cache for the next attempt;
    /// tests delete it to leave the engine as they found it.
    /// </summary>
    internal string? LastStepImage { get; init; }
}
