using Amazon.Runtime;
using Slipway.Output;

namespace Slipway.Aws;

/// <summary>
/// How to reach and call a service. Everything is optional: by default the SDK's chains supply credentials and
/// region, and the endpoint follows the SDK's conventions (see <see cref="ServiceUrl"/>).
/// </summary>
public sealed record AwsClientOptions
{
    /// <summary>
    /// An explicit endpoint (the environment file's, e.g. the local cloud's <c>http://127.0.0.1:4566</c>). It beats
    /// <c>AWS_ENDPOINT_URL_ECS</c>/<c>AWS_ENDPOINT_URL_ECR</c>, which beat <c>AWS_ENDPOINT_URL</c>, which beats the
    /// public endpoint of the region.
    /// </summary>
    public string? ServiceUrl { get; init; }

    /// <summary>A region name such as <c>eu-west-1</c>; null reads <c>AWS_REGION</c>, then <c>AWS_DEFAULT_REGION</c>, then the SDK's chain.</summary>
    public string? Region { get; init; }

    /// <summary>Credentials to sign with; null asks the SDK's default credential chain.</summary>
    public AWSCredentials? Credentials { get; init; }

    /// <summary>
    /// Tries per call, the first included. Idempotent operations and those with an idempotency token are retried on
    /// throttling, 5xx, timeouts and connection errors; any other only when throttled or never sent.
    /// </summary>
    public int MaxAttempts { get; init; } = 4;

    /// <summary>The first retry waits about this long; each next one twice as long, with jitter.</summary>
    public TimeSpan RetryBaseDelay { get; init; } = TimeSpan.FromMilliseconds(200);

    /// <summary>No single wait between attempts is longer than this.</summary>
    public TimeSpan RetryMaxDelay { get; init; } = TimeSpan.FromSeconds(20);

    /// <summary>How long one attempt may take before it is abandoned (and retried).</summary>
    public TimeSpan AttemptTimeout { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>The clock of backoff delays and attempt timeouts; tests pass a fake one.</summary>
    public TimeProvider TimeProvider { get; init; } = TimeProvider.System;

    /// <summary>Where each call is logged (at Debug) and each retry (at Warning).</summary>
    public ILog Log { get; init; } = NullLog.Instance;

    /// <summary>Reads the environment (endpoint overrides); replaceable so that tests need not touch the process.</summary>
    public Func<string, string?> GetEnvironmentVariable { get; init; } = Environment.GetEnvironmentVariable;

    /// <summary>An HTTP client to share; the client creates (and disposes) its own when null.</summary>
    public HttpClient? HttpClient { get; init; }
}
