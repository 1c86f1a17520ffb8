namespace Slipway.Docker;

/// <summary>No Docker engine answered at the configured endpoint; the message says how to start one.</summary>
public sealed class DockerEngineUnavailableException : Exception
{
    public DockerEngineUnavailableException()
    {
    }

    public DockerEngineUnavailableException(string message)
        : base(message)
    {
    }

    public DockerEngineUnavailableException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
