namespace Slipway;

/// <summary>
/// The build was asked for something it cannot do (unknown target or parameter, bad value, missing requirement,
/// a cycle): exit code 2, nothing runs. The message says what is wrong and how to fix it.
/// </summary>
public sealed class UsageException : Exception
{
    public UsageException(string message)
        : base(message)
    {
    }

    public UsageException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public UsageException()
    {
    }
}
