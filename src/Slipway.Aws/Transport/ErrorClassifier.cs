using System.Collections.Frozen;
using System.Net;
using System.Net.Sockets;
using Polly.Timeout;

namespace Slipway.Aws.Transport;

/// <summary>Turns error details into the typed exception, and says which failures are worth another attempt.</summary>
internal static class ErrorClassifier
{
    /// <summary>
    /// botocore's throttling codes, minus <c>LimitExceededException</c>: in ECR and ECS that is a quota (too many
    /// repositories, revisions), which waiting does not lift.
    /// </summary>
    private static readonly FrozenSet<string> ThrottlingCodes = new[]
    {
        "Throttling", "ThrottlingException", "ThrottledException", "RequestThrottledException", "TooManyRequestsException",
        "ProvisionedThroughputExceededException", "TransactionInProgressException", "RequestLimitExceeded",
        "BandwidthLimitExceeded", "RequestThrottled", "SlowDown", "PriorRequestNotComplete", "EC2ThrottledException",
    }.ToFrozenSet(StringComparer.Ordinal);

    private static readonly FrozenSet<string> TransientCodes = new[]
    {
        "RequestTimeout", "RequestTimeoutException", "InternalError", "InternalFailure", "ServiceUnavailable",
    }.ToFrozenSet(StringComparer.Ordinal);

    public static AwsServiceException ToException(AwsErrorDetails details, IReadOnlyDictionary<string, Func<AwsErrorDetails, AwsServiceException>> serviceErrors)
    {
        if (serviceErrors.TryGetValue(details.ErrorCode, out var create))
        {
            return create(details);
        }

        if (details.ErrorCode is "AccessDeniedException" or "AccessDenied")
        {
            return new AccessDeniedException(details);
        }

        return ThrottlingCodes.Contains(details.ErrorCode) || details.StatusCode == HttpStatusCode.TooManyRequests
            ? new ThrottlingException(details)
            : new AwsServiceException(details);
    }

    /// <summary>Whether a failure other than "never sent" and throttling may be retried: the operation is idempotent or carries a token.</summary>
    public static bool MayRetry(AwsOperation operation) => operation.Idempotent || operation.IdempotencyToken is not null;

    /// <summary>
    /// For an idempotent operation, or one with an idempotency token: throttling, 5xx, timeouts and broken connections
    /// are retried. For any other operation (a second RegisterTaskDefinition is a second revision) only what provably
    /// did not run: throttling (refused before it ran) and a request that never reached the server (connection refused,
    /// name not resolved), never a timeout or a 5xx. A 4xx is the caller's to fix.
    /// </summary>
    public static bool IsRetryable(Exception? exception, AwsOperation operation) => exception switch
    {
        ThrottlingException => true,
        _ when NeverReachedServer(exception) => true,
        _ when !MayRetry(operation) => false,
        AwsServiceException service => (int)service.StatusCode >= 500 || TransientCodes.Contains(service.ErrorCode),
        TimeoutRejectedException => true,
        HttpRequestException => true,
        _ => false,
    };

    /// <summary>The connection was never made, so no byte of the request reached a server.</summary>
    public static bool NeverReachedServer(Exception? exception) => exception is HttpRequestException http && (
        http.HttpRequestError == HttpRequestError.NameResolutionError
        || (http.HttpRequestError == HttpRequestError.ConnectionError && http.InnerException is SocketException
        {
            SocketErrorCode: SocketError.ConnectionRefused or SocketError.HostNotFound or SocketError.HostUnreachable
                or SocketError.NetworkUnreachable or SocketError.TryAgain or SocketError.NoData,
        }));
}
