using System.Net;

namespace Slipway.Aws;

/// <summary>
/// An error answered by an AWS service (or an emulator of one): the code from <c>__type</c> or
/// <c>x-amzn-ErrorType</c>, AWS's own message, the HTTP status and the request id. Codes the clients know become
/// a derived type; any other code is this type with <see cref="ErrorCode"/> set.
/// </summary>
public class AwsServiceException : Exception
{
    public AwsServiceException()
        : this("The AWS service reported an error.")
    {
    }

    public AwsServiceException(string message)
        : this(message, innerException: null)
    {
    }

    public AwsServiceException(string message, Exception? innerException)
        : base(message, innerException)
    {
        ErrorCode = GetType().Name;
    }

    public AwsServiceException(AwsErrorDetails details)
        : base(details?.Message, details?.InnerException)
    {
        ArgumentNullException.ThrowIfNull(details);
        ErrorCode = details.ErrorCode;
        StatusCode = details.StatusCode;
        RequestId = details.RequestId;
        Operation = details.Operation;
    }

    /// <summary>The error code without its namespace, e.g. <c>ClusterNotFoundException</c>.</summary>
    public string ErrorCode { get; }

    public HttpStatusCode StatusCode { get; }

    /// <summary>From <c>x-amzn-RequestId</c>: what AWS support asks for.</summary>
    public string? RequestId { get; }

    /// <summary>Service and operation, e.g. <c>ECS DescribeServices</c>.</summary>
    public string? Operation { get; }
}

/// <summary>Everything an error response says, in one value so derived exceptions need one constructor.</summary>
public sealed record AwsErrorDetails(
    string ErrorCode,
    string Message,
    HttpStatusCode StatusCode,
    string? RequestId = null,
    string? Operation = null,
    Exception? InnerException = null);
