namespace Slipway.Aws.Deployment.Services;

/// <summary>Another deployment is rolling out on the service; the deploy refused to start (the lock). Nothing was changed.</summary>
public sealed class DeploymentInProgressException : Exception
{
    public DeploymentInProgressException()
        : this("Another deployment is in progress.")
    {
    }

    public DeploymentInProgressException(string message)
        : base(message)
    {
    }

    public DeploymentInProgressException(string message, Exception? innerException)
        : base(message, innerException)
    {
    }
}
