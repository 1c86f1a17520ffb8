namespace Slipway.Aws.Deployment;

/// <summary>
/// The deployment's inputs are wrong (an environment file, the task-definition template, the account, a missing image
/// record): nothing was changed remotely, and the message names the file, field or flag and how to fix it. A usage
/// error, not a failed deployment.
/// </summary>
public class DeployConfigurationException : Exception
{
    public DeployConfigurationException()
        : this("The deployment is not configured correctly.")
    {
    }

    public DeployConfigurationException(string message)
        : base(message)
    {
    }

    public DeployConfigurationException(string message, Exception? innerException)
        : base(message, innerException)
    {
    }
}
