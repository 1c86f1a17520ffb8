namespace Slipway.Aws;

/// <summary>
/// The client cannot be set up: no credentials, no region, or a malformed endpoint. The message says where the SDK
/// looked and how to fix it; it never contains a secret.
/// </summary>
public sealed class AwsConfigurationException : Exception
{
    public AwsConfigurationException()
        : this("The AWS client is not configured.")
    {
    }

    public AwsConfigurationException(string message)
        : base(message)
    {
    }

    public AwsConfigurationException(string message, Exception? innerException)
        : base(message, innerException)
    {
    }
}
