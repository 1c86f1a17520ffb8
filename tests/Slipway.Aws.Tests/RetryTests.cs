using Microsoft.Extensions.Time.Testing;
using Slipway.Aws.Ecs;
using Slipway.Aws.Ecs.Model;
using Slipway.Aws.Tests.Support;
using Task = System.Threading.Tasks.Task;

namespace Slipway.Aws.Tests;

/// <summary>Retries, timeouts and cancellation, against a local server that fails on purpose.</summary>
public sealed class RetryTests
{
    private static readonly DescribeServicesRequest Describe = new() { Cluster = "prod", Services = ["api"] };

    [Fact]
    public async Task A_500_is_retried_up_to_MaxAttempts_and_then_reported_as_ServerException()
    {
        using var server = ScriptedServer.Always(ScriptedClients.Error(500, "ServerException", "Internal failure."));
        var log = new RecordingLog();
        using var ecs = new AmazonECSClient(ScriptedClients.Options(server, log, maxAttempts: 3));

        var error = await Assert.ThrowsAsync<ServerException>(() => ecs.DescribeServicesAsync(Describe));

        Assert.Equal(3, server.Count);
        Assert.Equal(("Internal failure.", 500), (error.Message, (int)error.StatusCode));
        var retries = log.Lines.Where(l => l.Level == Slipway.Output.LogLevel.Warning).Select(l => l.Message).ToList();
        Assert.Equal(2, retries.Count);
        Assert.Matches(@"^ECS DescribeServices: 500 ServerException; attempt 2 of 3 in \d+\.\d+ s$", retries[0]);
    }

    [Fact]
    public async Task Retry_delays_are_jittered_so_clients_failing_together_do_not_retry_together()
    {
        using var server = ScriptedServer.Always(ScriptedClients.Error(500, "ServerException", "Internal failure."));
        var log = new RecordingLog();
        using var ecs = new AmazonECSClient(ScriptedClients.Options(server, log, maxAttempts: 2, baseDelay: TimeSpan.FromMilliseconds(200)));

        await Task.WhenAll(Enumerable.Range(0, 8).Select(_ => Assert.ThrowsAsync<ServerException>(() => ecs.DescribeServicesAsync(Describe))));

        var delays = log.Lines.Where(l => l.Level == Slipway.Output.LogLevel.Warning).Select(l => l.Message[(l.Message.LastIndexOf(" in ", StringComparison.Ordinal) + 4)..]).ToList();
        Assert.Equal(8, delays.Count);
        Assert.True(delays.Distinct(StringComparer.Ordinal).Count() > 1, $"every retry waited the same: {string.Join(", ", delays)}");
    }

    [Fact]
    public async Task Every_request_names_Slipway_as_its_user_agent()
    {
        using var server = ScriptedServer.Always(new ScriptedResponse(200, """{"services":[],"failures":[]}"""));
        using var ecs = new AmazonECSClient(ScriptedClients.Options(server));

        await ecs.DescribeServicesAsync(Describe);

        var userAgent = Assert.Single(server.Received).Headers.Single(h => h.Key.Equals("User-Agent", StringComparison.OrdinalIgnoreCase)).Value;
        Assert.StartsWith("Slipway/", userAgent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Throttling_then_success_is_retried_and_returns_the_response()
    {
        using var server = new ScriptedServer((attempt, _) => attempt == 1
            ? ScriptedClients.Error(400, "ThrottlingException", "Rate exceeded")
            : new ScriptedResponse(200, """{"services":[{"serviceName":"api","status":"ACTIVE"}],"failures":[]}"""));
        using var ecs = new AmazonECSClient(ScriptedClients.Options(server));

        var response = await ecs.DescribeServicesAsync(Describe);

        Assert.Equal(2, server.Count);
        Assert.Equal("api", Assert.Single(response.Services!).ServiceName);
    }

    [Fact]
    public async Task Throttling_on_every_attempt_surfaces_as_ThrottlingException_with_the_exact_code()
    {
        using var server = ScriptedServer.Always(ScriptedClients.Error(400, "TooManyRequestsException", "Slow down"));
        using var ecs = new AmazonECSClient(ScriptedClients.Options(server, maxAttempts: 2));

        var error = await Assert.ThrowsAsync<ThrottlingException>(() => ecs.DescribeServicesAsync(Describe));

        Assert.Equal((2, "TooManyRequestsException"), (server.Count, error.ErrorCode));
    }

    [Fact]
    public async Task A_4xx_is_never_retried()
    {
        using var server = ScriptedServer.Always(ScriptedClients.Error(400, "ClusterNotFoundException", "Cluster not found."));
        using var ecs = new AmazonECSClient(ScriptedClients.Options(server, maxAttempts: 5));

        await Assert.ThrowsAsync<ClusterNotFoundException>(() => ecs.DescribeServicesAsync(Describe));

        Assert.Equal(1, server.Count);
    }

    [Fact]
    public async Task Backoff_waits_on_the_injected_TimeProvider()
    {
        using var server = ScriptedServer.Always(ScriptedClients.Error(503, "ServiceUnavailable", "busy"));
        var time = new FakeTimeProvider();
        using var ecs = new AmazonECSClient(ScriptedClients.Options(server, maxAttempts: 3, time: time, baseDelay: TimeSpan.FromMinutes(1), attemptTimeout: TimeSpan.FromDays(1)));
        var started = time.GetUtcNow();

        var call = ecs.DescribeServicesAsync(Describe);
        await WaitUntil(() => server.Count == 1);
        await Task.Delay(100);
        var waitingAfterFirstAttempt = !call.IsCompleted && server.Count == 1;
        while (!call.IsCompleted && time.GetUtcNow() - started < TimeSpan.FromHours(1))
        {
            time.Advance(TimeSpan.FromSeconds(5));
            await Task.Delay(2);
        }

        var error = await Assert.ThrowsAsync<AwsServiceException>(() => call);
        Assert.True(waitingAfterFirstAttempt, "the retry should wait for the fake clock, not the real one");
        Assert.Equal((3, "ServiceUnavailable"), (server.Count, error.ErrorCode));
        Assert.InRange(time.GetUtcNow() - started, TimeSpan.FromSeconds(5), TimeSpan.FromHours(1));
    }

    [Fact]
    public async Task An_attempt_that_outlives_AttemptTimeout_is_abandoned_retried_and_reported_as_TimeoutException()
    {
        using var server = ScriptedServer.Always(new ScriptedResponse(200, "{}", Delay: TimeSpan.FromSeconds(3)));
        var log = new RecordingLog();
        using var ecs = new AmazonECSClient(ScriptedClients.Options(server, log, maxAttempts: 2, attemptTimeout: TimeSpan.FromMilliseconds(300)));

        var error = await Assert.ThrowsAsync<TimeoutException>(() => ecs.DescribeServicesAsync(Describe));

        // Counted on our side: a loaded machine may abandon the second attempt before the server has read it.
        Assert.Matches(@"^ECS DescribeServices: no answer in time; attempt 2 of 2 in ", Assert.Single(log.Lines).Message);
        Assert.Matches(@"^ECS DescribeServices: no answer from http://127\.0\.0\.1:\d+/ within 0\.3 s on the last of 2 attempts\.$", error.Message);
    }

    [Fact]
    public async Task Cancellation_stops_the_call_without_another_attempt()
    {
        using var server = ScriptedServer.Always(new ScriptedResponse(200, "{}", Delay: TimeSpan.FromSeconds(3)));
        var log = new RecordingLog();
        using var ecs = new AmazonECSClient(ScriptedClients.Options(server, log, maxAttempts: 5));
        using var cancellation = new CancellationTokenSource(TimeSpan.FromMilliseconds(200));

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => ecs.DescribeServicesAsync(Describe, cancellation.Token));

        Assert.DoesNotContain(log.Lines, l => l.Level == Slipway.Output.LogLevel.Warning);
        Assert.InRange(server.Count, 0, 1); // 0 only if the machine is so loaded that the request never left
    }

    [Fact]
    public async Task A_refused_connection_is_retried_and_then_reported()
    {
        var port = FreePort.Next();
        var log = new RecordingLog();
        using var ecs = new AmazonECSClient(new AwsClientOptions
        {
            ServiceUrl = $"http://127.0.0.1:{port}",
            Region = "us-east-1",
            Credentials = new Amazon.Runtime.BasicAWSCredentials("testing", "testing"),
            MaxAttempts = 2,
            RetryBaseDelay = TimeSpan.FromMilliseconds(5),
            Log = log,
        });

        await Assert.ThrowsAsync<HttpRequestException>(() => ecs.DescribeServicesAsync(Describe));

        Assert.Contains(log.Lines, l => l.Message.StartsWith("ECS DescribeServices: ", StringComparison.Ordinal) && l.Message.Contains("attempt 2 of 2", StringComparison.Ordinal));
    }

    private static async Task WaitUntil(Func<bool> condition)
    {
        for (var i = 0; i < 500 && !condition(); i++)
        {
            await Task.Delay(10);
        }

        Assert.True(condition());
    }
}
