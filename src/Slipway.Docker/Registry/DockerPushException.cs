namespace Slipway.Docker;

/// <summary>The engine could not push an image; the message carries the engine's or the registry's error.</summary>
public sealed class DockerPushException : Exception
{
    public DockerPushException()
    {
    }

    public DockerPushException(string message)
        : base(message)
    {
    }

    public DockerPushException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
