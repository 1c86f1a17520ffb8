namespace Slipway.Aws;

/// <summary>IAM denied the call (<c>AccessDeniedException</c>); every AWS service can answer it.</summary>
public sealed class AccessDeniedException(AwsErrorDetails details) : AwsServiceException(details);

/// <summary>
/// The service asked us to slow down (<c>ThrottlingException</c>, <c>TooManyRequestsException</c>, ...). The clients
/// retry it with backoff; it surfaces only when every attempt was throttled. <see cref="AwsServiceException.ErrorCode"/>
/// keeps the exact code.
/// </summary>
public sealed class ThrottlingException(AwsErrorDetails details) : AwsServiceException(details);
