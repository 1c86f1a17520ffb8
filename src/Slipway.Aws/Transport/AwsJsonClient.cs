using System.Globalization;
using System.Net.Http.Headers;
using Amazon.Runtime;
using Polly;
using Polly.Retry;
using Polly.Timeout;
using Slipway.Output;

namespace Slipway.Aws.Transport;

/// <summary>
/// One AWS JSON 1.1 service: <c>POST /</c> with <c>X-Amz-Target</c>, signed per attempt (so a retry carries a fresh
/// date and refreshed credentials), retried by a Polly pipeline, errors mapped to typed exceptions.
/// </summary>
internal sealed class AwsJsonClient : IDisposable
{
    private const string ContentType = "application/x-amz-json-1.1";

    // Stryker disable once String : the pipeline finds the property by this one key object, whatever its name says.
    private static readonly ResiliencePropertyKey<AwsOperation> OperationKey = new("slipway.aws.operation");

    private readonly AwsServiceDescription service;
    private readonly IReadOnlyDictionary<string, Func<AwsErrorDetails, AwsServiceException>> serviceErrors;
    private readonly HttpClient http;
    private readonly bool ownsHttp;
    private readonly CredentialSource credentials;
    private readonly ResiliencePipeline pipeline;
    private readonly TimeProvider time;
    private readonly ILog log;
    private readonly TimeSpan attemptTimeout;
    private readonly int maxAttempts;

    public AwsJsonClient(AwsServiceDescription service, IReadOnlyDictionary<string, Func<AwsErrorDetails, AwsServiceException>> serviceErrors, AwsClientOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (options.MaxAttempts < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(options), options.MaxAttempts, "MaxAttempts must be at least 1.");
        }

        this.service = service;
        this.serviceErrors = serviceErrors;
        time = options.TimeProvider;
        log = options.Log;
        attemptTimeout = options.AttemptTimeout;
        maxAttempts = options.MaxAttempts;
        Region = RegionResolver.Resolve(options.Region, options.GetEnvironmentVariable);
        Endpoint = EndpointResolver.Resolve(service, Region, options.ServiceUrl, options.GetEnvironmentVariable);
        credentials = new CredentialSource(options.Credentials, options.GetEnvironmentVariable);
        ownsHttp = options.HttpClient is null;
        // Attempt timeouts belong to the pipeline, where HttpClient's own would fire outside it; pooled connections
        // are renewed so that a long deploy follows DNS changes of the endpoint.
        http = options.HttpClient ?? new HttpClient(new SocketsHttpHandler { PooledConnectionLifetime = TimeSpan.FromMinutes(5) })
        {
            Timeout = Timeout.InfiniteTimeSpan,
        };
        pipeline = BuildPipeline(options);
    }

    public string Region { get; }

    public Uri Endpoint { get; }

    public Task<TResponse> SendAsync<TRequest, TResponse>(AwsOperation operation, TRequest request, CancellationToken cancellationToken)
        where TResponse : new()
        => SendAsync<TRequest, TResponse>(operation, request, new CallAttempts(), cancellationToken);

    /// <summary>Sends one logical call; <paramref name="attempts"/> counts its attempts, for callers that treat a retry specially.</summary>
    public async Task<TResponse> SendAsync<TRequest, TResponse>(AwsOperation operation, TRequest request, CallAttempts attempts, CancellationToken cancellationToken)
        where TResponse : new()
    {
        ArgumentNullException.ThrowIfNull(request);
        // Serialized once per logical call: every attempt sends the same bytes, with the same idempotency token.
        var body = IdempotencyTokens.Serialize(request, operation.IdempotencyToken);
        var call = new Call(operation, $"{service.ServiceId} {operation.Name}", body, attempts);
        var context = ResilienceContextPool.Shared.Get(call.Label, cancellationToken);
        context.Properties.Set(OperationKey, operation);
        try
        {
            return await pipeline.ExecuteAsync(
                static async (context, state) => await state.Client.SendOnceAsync<TResponse>(state.Call, context.CancellationToken),
                context,
                (Client: this, Call: call));
        }
        catch (TimeoutRejectedException e) when (ErrorClassifier.MayRetry(operation))
        {
            throw new TimeoutException($"{call.Label}: no answer from {Endpoint} within {attemptTimeout.TotalSeconds:0.###} s on the last of {maxAttempts} attempts.", e);
        }
        catch (TimeoutRejectedException e)
        {
            throw new TimeoutException(
                $"{call.Label}: no answer from {Endpoint} within {attemptTimeout.TotalSeconds:0.###} s. Not retried: {operation.Name} is not idempotent " +
                "and the request may have reached the service; check its state before trying again.",
                e);
        }
        finally
        {
            ResilienceContextPool.Shared.Return(context);
        }
    }

    public void Dispose()
    {
        if (ownsHttp)
        {
            http.Dispose();
        }
    }

    private async Task<TResponse> SendOnceAsync<TResponse>(Call call, CancellationToken cancellationToken)
        where TResponse : new()
    {
        call.Attempts.Increment();
        var resolved = await credentials.GetAsync(cancellationToken);
        var target = $"{service.TargetPrefix}.{call.Operation.Name}";
        var toSign = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase)
        {
            ["Content-Type"] = ContentType,
            ["X-Amz-Target"] = target,
        };
        var signed = await RequestSigner.SignAsync(Endpoint, toSign, call.Body, resolved, Region, service.SigningName, time.GetUtcNow().UtcDateTime, cancellationToken);

        using var message = new HttpRequestMessage(HttpMethod.Post, Endpoint) { Content = new ByteArrayContent(call.Body) };
        message.Content.Headers.ContentType = new MediaTypeHeaderValue(ContentType);
        message.Headers.TryAddWithoutValidation("X-Amz-Target", target);
        foreach (var (name, value) in signed)
        {
            message.Headers.TryAddWithoutValidation(name, value);
        }

        message.Headers.UserAgent.Add(new ProductInfoHeaderValue("Slipway", "1.0"));

        var started = time.GetTimestamp();
        using var response = await http.SendAsync(message, HttpCompletionOption.ResponseContentRead, cancellationToken);
        var content = await response.Content.ReadAsByteArrayAsync(cancellationToken);
        var elapsed = time.GetElapsedTime(started).TotalMilliseconds.ToString("0", CultureInfo.InvariantCulture);

        if (response.IsSuccessStatusCode)
        {
            log.Debug($"{call.Label} → {(int)response.StatusCode} ({elapsed} ms)");
            return Deserialize<TResponse>(call, content);
        }

        var details = AwsErrorReader.Read(response.StatusCode, Header(response, "x-amzn-ErrorType"), Header(response, "x-amzn-RequestId"), content, call.Label);
        log.Debug($"{call.Label} → {(int)response.StatusCode} {details.ErrorCode} ({elapsed} ms)");
        throw ErrorClassifier.ToException(details, serviceErrors);
    }

    private static TResponse Deserialize<TResponse>(Call call, byte[] content)
        where TResponse : new()
    {
        try
        {
            return AwsJson.Deserialize<TResponse>(content);
        }
        catch (System.Text.Json.JsonException e)
        {
            throw new InvalidDataException($"{call.Label}: the response does not fit {typeof(TResponse).Name}: {e.Message}", e);
        }
    }

    private static string? Header(HttpResponseMessage response, string name)
        => response.Headers.TryGetValues(name, out var values) ? values.FirstOrDefault() : null;

    private ResiliencePipeline BuildPipeline(AwsClientOptions options)
    {
        var builder = new ResiliencePipelineBuilder { TimeProvider = options.TimeProvider };
        if (options.MaxAttempts > 1)
        {
            builder.AddRetry(new RetryStrategyOptions
            {
                MaxRetryAttempts = options.MaxAttempts - 1,
                BackoffType = DelayBackoffType.Exponential,
                UseJitter = true,
                Delay = options.RetryBaseDelay,
                MaxDelay = options.RetryMaxDelay,
                ShouldHandle = args => ValueTask.FromResult(ErrorClassifier.IsRetryable(args.Outcome.Exception, args.Context.Properties.GetValue(OperationKey, null!))),
                OnRetry = args =>
                {
                    log.Warning($"{args.Context.OperationKey}: {Describe(args.Outcome.Exception)}; attempt {args.AttemptNumber + 2} of {options.MaxAttempts} in {args.RetryDelay.TotalSeconds:0.0#} s");
                    return default;
                },
            });
        }

        return builder.AddTimeout(options.AttemptTimeout).Build();
    }

    private static string Describe(Exception? exception) => exception switch
    {
        AwsServiceException e => $"{(int)e.StatusCode} {e.ErrorCode}",
        TimeoutRejectedException => "no answer in time",
        // Stryker disable once String : unreachable: ShouldHandle retries only an outcome with an exception, so OnRetry never sees null.
        null => "failed",
        _ => exception.Message,
    };

    private sealed record Call(AwsOperation Operation, string Label, byte[] Body, CallAttempts Attempts);
}
