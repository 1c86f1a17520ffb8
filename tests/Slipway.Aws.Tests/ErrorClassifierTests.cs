using System.Net;
using Slipway.Aws.Transport;

namespace Slipway.Aws.Tests;

/// <summary>Which error codes mean "slow down", which a retry may cure, and which are the caller's to fix.</summary>
public sealed class ErrorClassifierTests
{
    private static readonly Dictionary<string, Func<AwsErrorDetails, AwsServiceException>> NoServiceErrors = [];

    private static readonly AwsOperation Idempotent = new("DescribeServices", Idempotent: true);

    private static readonly AwsOperation NotIdempotent = new("RegisterTaskDefinition", Idempotent: false);

    [Theory]
    [InlineData("Throttling")]
    [InlineData("ThrottlingException")]
    [InlineData("ThrottledException")]
    [InlineData("RequestThrottledException")]
    [InlineData("TooManyRequestsException")]
    [InlineData("ProvisionedThroughputExceededException")]
    [InlineData("TransactionInProgressException")]
    [InlineData("RequestLimitExceeded")]
    [InlineData("BandwidthLimitExceeded")]
    [InlineData("RequestThrottled")]
    [InlineData("SlowDown")]
    [InlineData("PriorRequestNotComplete")]
    [InlineData("EC2ThrottledException")]
    public void Each_throttling_code_of_botocore_is_throttling_and_retried_even_for_a_write(string code)
    {
        var exception = ErrorClassifier.ToException(new AwsErrorDetails(code, "slow down", HttpStatusCode.BadRequest), NoServiceErrors);

        Assert.IsType<ThrottlingException>(exception);
        Assert.True(ErrorClassifier.IsRetryable(exception, NotIdempotent));
    }

    [Fact]
    public void A_quota_is_not_throttling_waiting_does_not_lift_it()
    {
        var exception = ErrorClassifier.ToException(new AwsErrorDetails("LimitExceededException", "too many revisions", HttpStatusCode.BadRequest), NoServiceErrors);

        Assert.Equal(typeof(AwsServiceException), exception.GetType());
        Assert.False(ErrorClassifier.IsRetryable(exception, Idempotent));
    }

    [Fact]
    public void A_429_without_a_known_code_is_throttling()
    {
        Assert.IsType<ThrottlingException>(ErrorClassifier.ToException(new AwsErrorDetails("Whatever", "m", HttpStatusCode.TooManyRequests), NoServiceErrors));
    }

    [Theory]
    [InlineData("AccessDeniedException")]
    [InlineData("AccessDenied")]
    public void Both_spellings_of_access_denied_are_access_denied(string code)
    {
        var exception = ErrorClassifier.ToException(new AwsErrorDetails(code, "no", HttpStatusCode.Forbidden), NoServiceErrors);

        Assert.IsType<AccessDeniedException>(exception);
        Assert.False(ErrorClassifier.IsRetryable(exception, Idempotent));
    }

    [Theory]
    [InlineData("RequestTimeout")]
    [InlineData("RequestTimeoutException")]
    [InlineData("InternalError")]
    [InlineData("InternalFailure")]
    [InlineData("ServiceUnavailable")]
    public void A_transient_code_is_retried_for_a_read_even_with_a_4xx_status_but_never_for_a_write(string code)
    {
        var exception = ErrorClassifier.ToException(new AwsErrorDetails(code, "m", HttpStatusCode.BadRequest), NoServiceErrors);

        Assert.True(ErrorClassifier.IsRetryable(exception, Idempotent));
        Assert.False(ErrorClassifier.IsRetryable(exception, NotIdempotent));
    }

    [Theory]
    [InlineData(HttpStatusCode.InternalServerError, true)]
    [InlineData(HttpStatusCode.ServiceUnavailable, true)]
    [InlineData(HttpStatusCode.BadRequest, false)]
    [InlineData((HttpStatusCode)499, false)]
    public void Any_5xx_is_retried_for_a_read_and_a_plain_4xx_is_not(HttpStatusCode status, bool retried)
    {
        var exception = ErrorClassifier.ToException(new AwsErrorDetails("SomeError", "m", status), NoServiceErrors);

        Assert.Equal(retried, ErrorClassifier.IsRetryable(exception, Idempotent));
    }

    [Fact]
    public void A_write_with_an_idempotency_token_is_retried_as_a_read_is()
    {
        var withToken = new AwsOperation("CreateService", Idempotent: false, IdempotencyToken: "clientToken");
        var exception = ErrorClassifier.ToException(new AwsErrorDetails("InternalFailure", "m", HttpStatusCode.InternalServerError), NoServiceErrors);

        Assert.True(ErrorClassifier.MayRetry(withToken));
        Assert.True(ErrorClassifier.IsRetryable(exception, withToken));
    }

    [Fact]
    public void A_code_the_service_declares_becomes_its_own_exception_before_any_common_rule()
    {
        var declared = new Dictionary<string, Func<AwsErrorDetails, AwsServiceException>> { ["ThrottlingException"] = d => new AccessDeniedException(d) };

        Assert.IsType<AccessDeniedException>(ErrorClassifier.ToException(new AwsErrorDetails("ThrottlingException", "m", HttpStatusCode.BadRequest), declared));
    }
}
