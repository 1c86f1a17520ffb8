using System.Collections.Frozen;
using System.Net;
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

    /// <summary>Throttling, 5xx, timeouts and broken connections are retried; any other 4xx is the caller's to fix.</summary>
    public static bool IsRetryable(Exception? exception) => exception switch
    {
        ThrottlingException => true,
        AwsServiceException service => (int)service.StatusCode >= 500 || TransientCodes.Contains(service.ErrorCode),
        TimeoutRejectedException => true,
        HttpRequestException => true,
        _ => false,
    };
}
