using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using Slipway.Aws.Ecr;
using Slipway.Aws.Ecr.Model;
using Slipway.Aws.Ecs;
using Slipway.Aws.Ecs.Model;
using Slipway.Aws.Tests.Support;
using Task = System.Threading.Tasks.Task;

namespace Slipway.Aws.Tests;

/// <summary>
/// A retry must never do twice what was asked once: tokens make a repeated RunTask the same RunTask, a repeated PutImage
/// that finds its image succeeds, and an operation without either is retried only when it never reached the server.
/// </summary>
public sealed class SafeRetryTests
{
    [Fact]
    public async Task A_RunTask_retried_after_its_answer_was_lost_starts_one_task()
    {
        // Like ECS: a clientToken seen before returns the tasks it started, instead of starting more.
        var tasksByToken = new ConcurrentDictionary<string, string>();
        var started = 0;
        using var server = new ScriptedServer((attempt, request) =>
        {
            var token = JsonNode.Parse(request.BodyText)!["clientToken"]!.GetValue<string>();
            var arn = tasksByToken.GetOrAdd(token, _ => $"arn:aws:ecs:us-east-1:123456789012:task/prod/{Interlocked.Increment(ref started)}");
            return attempt == 1
                ? ScriptedResponse.Dropped
                : new ScriptedResponse(200, $$"""{"tasks":[{"taskArn":"{{arn}}","lastStatus":"PROVISIONING"}],"failures":[]}""");
        });
        var log = new RecordingLog();
        using var ecs = new AmazonECSClient(ScriptedClients.Options(server, log));
        var request = new RunTaskRequest { Cluster = "prod", TaskDefinition = "migrate:3", Count = 1 };

        var response = await ecs.RunTaskAsync(request);

        Assert.Equal(2, server.Count);
        Assert.Equal(1, started);
        Assert.Equal("arn:aws:ecs:us-east-1:123456789012:task/prod/1", Assert.Single(response.Tasks!).TaskArn);
        var tokens = server.Received.Select(r => JsonNode.Parse(r.BodyText)!["clientToken"]!.GetValue<string>()).ToList();
        Assert.Single(tokens.Distinct());
        Assert.Matches("^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$", tokens[0]);
        Assert.Null(request.ClientToken); // the caller's request is left as it was
        Assert.Contains(log.Lines, l => l.Message.StartsWith("ECS RunTask: ", StringComparison.Ordinal) && l.Message.Contains("attempt 2 of 3", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Two_logical_calls_get_two_tokens_and_a_token_the_caller_chose_is_kept()
    {
        using var server = ScriptedServer.Always(new ScriptedResponse(200, """{"tasks":[],"failures":[]}"""));
        using var ecs = new AmazonECSClient(ScriptedClients.Options(server));

        await ecs.RunTaskAsync(new RunTaskRequest { TaskDefinition = "migrate:3" });
        await ecs.RunTaskAsync(new RunTaskRequest { TaskDefinition = "migrate:3" });
        await ecs.RunTaskAsync(new RunTaskRequest { TaskDefinition = "migrate:3", ClientToken = "mine" });

        var tokens = server.Received.Select(r => JsonNode.Parse(r.BodyText)!["clientToken"]!.GetValue<string>()).ToList();
        Assert.Equal(3, tokens.Distinct().Count());
        Assert.Equal("mine", tokens[2]);
    }

    [Fact]
    public async Task CreateService_carries_a_clientToken_that_its_retries_repeat()
    {
        using var server = new ScriptedServer((attempt, _) => attempt == 1
            ? ScriptedClients.Error(500, "ServerException", "Internal failure.")
            : new ScriptedResponse(200, """{"service":{"serviceName":"api","status":"ACTIVE"}}"""));
        using var ecs = new AmazonECSClient(ScriptedClients.Options(server));

        var response = await ecs.CreateServiceAsync(new CreateServiceRequest { Cluster = "prod", ServiceName = "api", TaskDefinition = "api:1", DesiredCount = 1 });

        Assert.Equal("api", response.Service?.ServiceName);
        var tokens = server.Received.Select(r => JsonNode.Parse(r.BodyText)!["clientToken"]?.GetValue<string>()).ToList();
        Assert.Equal(2, tokens.Count);
        Assert.NotNull(tokens[0]);
        Assert.InRange(tokens[0]!.Length, 1, 36); // CreateService allows up to 36 characters
        Assert.Equal(tokens[0], tokens[1]);
    }

    [Fact]
    public async Task A_non_idempotent_call_without_a_token_is_not_retried_after_a_5xx()
    {
        using var server = ScriptedServer.Always(ScriptedClients.Error(500, "ServerException", "Internal failure."));
        using var ecs = new AmazonECSClient(ScriptedClients.Options(server, maxAttempts: 4));

        await Assert.ThrowsAsync<Slipway.Aws.Ecs.Model.ServerException>(() => ecs.RegisterTaskDefinitionAsync(Samples.TaskDefinition("api")));

        Assert.Equal(1, server.Count);
    }

    [Fact]
    public async Task A_non_idempotent_call_without_a_token_is_not_retried_after_a_timeout_and_says_why()
    {
        using var server = ScriptedServer.Always(new ScriptedResponse(200, "{}", Delay: TimeSpan.FromSeconds(3)));
        var log = new RecordingLog();
        using var ecs = new AmazonECSClient(ScriptedClients.Options(server, log, maxAttempts: 4, attemptTimeout: TimeSpan.FromMilliseconds(300)));

        var error = await Assert.ThrowsAsync<TimeoutException>(() => ecs.RegisterTaskDefinitionAsync(Samples.TaskDefinition("api")));

        Assert.DoesNotContain(log.Lines, l => l.Level == Slipway.Output.LogLevel.Warning);
        Assert.Contains("Not retried: RegisterTaskDefinition is not idempotent and the request may have reached the service", error.Message, StringComparison.Ordinal);
        Assert.InRange(server.Count, 0, 1);
    }

    [Fact]
    public async Task A_non_idempotent_call_is_not_retried_after_a_dropped_answer()
    {
        using var server = ScriptedServer.Always(ScriptedResponse.Dropped);
        using var ecs = new AmazonECSClient(ScriptedClients.Options(server, maxAttempts: 4));

        await Assert.ThrowsAsync<HttpRequestException>(() => ecs.RegisterTaskDefinitionAsync(Samples.TaskDefinition("api")));

        Assert.Equal(1, server.Count);
    }

    [Fact]
    public async Task A_non_idempotent_call_is_retried_when_the_connection_was_refused()
    {
        var log = new RecordingLog();
        using var ecs = new AmazonECSClient(new AwsClientOptions
        {
            ServiceUrl = $"http://127.0.0.1:{FreePort.Next()}",
            Region = "us-east-1",
            Credentials = new Amazon.Runtime.BasicAWSCredentials("testing", "testing"),
            MaxAttempts = 3,
            RetryBaseDelay = TimeSpan.FromMilliseconds(5),
            Log = log,
            GetEnvironmentVariable = _ => null,
        });

        await Assert.ThrowsAsync<HttpRequestException>(() => ecs.RegisterTaskDefinitionAsync(Samples.TaskDefinition("api")));

        Assert.Equal(2, log.Lines.Count(l => l.Message.StartsWith("ECS RegisterTaskDefinition: ", StringComparison.Ordinal)));
    }

    [Fact]
    public async Task A_non_idempotent_call_is_retried_when_throttled_because_a_throttled_request_did_not_run()
    {
        using var server = new ScriptedServer((attempt, _) => attempt == 1
            ? ScriptedClients.Error(400, "ThrottlingException", "Rate exceeded")
            : new ScriptedResponse(200, """{"taskDefinition":{"family":"api","revision":1}}"""));
        using var ecs = new AmazonECSClient(ScriptedClients.Options(server));

        var response = await ecs.RegisterTaskDefinitionAsync(Samples.TaskDefinition("api"));

        Assert.Equal((2, 1), (server.Count, response.TaskDefinition?.Revision));
    }

    [Fact]
    public async Task A_PutImage_retried_after_its_answer_was_lost_succeeds_when_the_tag_has_its_digest()
    {
        var digest = "sha256:" + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(Samples.Manifest)));
        using var server = new ScriptedServer((attempt, request) => (attempt, request.Headers["X-Amz-Target"]) switch
        {
            (1, _) => ScriptedResponse.Dropped, // ECR stored the image; the answer was lost
            (_, "AmazonEC2ContainerRegistry_V20150921.PutImage") => ScriptedClients.Error(400, "ImageAlreadyExistsException", $"Image with digest '{digest}' and tag '1.2.3' already exists in the repository"),
            _ => new ScriptedResponse(200, $$"""{"images":[{"registryId":"123456789012","repositoryName":"api","imageId":{"imageDigest":"{{digest}}","imageTag":"1.2.3"},"imageManifest":{{System.Text.Json.JsonSerializer.Serialize(Samples.Manifest)}}}],"failures":[]}"""),
        });
        using var ecr = new AmazonECRClient(ScriptedClients.Options(server));

        var response = await ecr.PutImageAsync(new PutImageRequest { RepositoryName = "api", ImageManifest = Samples.Manifest, ImageTag = "1.2.3" });

        Assert.Equal((digest, "1.2.3"), (response.Image?.ImageId?.ImageDigest, response.Image?.ImageId?.ImageTag));
        Assert.Equal(
            ["PutImage", "PutImage", "BatchGetImage"],
            server.Received.Select(r => r.Headers["X-Amz-Target"].Split('.')[1]));
    }

    [Fact]
    public async Task A_PutImage_retry_that_finds_another_digest_under_the_tag_still_fails()
    {
        using var server = new ScriptedServer((attempt, request) => (attempt, request.Headers["X-Amz-Target"]) switch
        {
            (1, _) => ScriptedResponse.Dropped,
            (_, "AmazonEC2ContainerRegistry_V20150921.PutImage") => ScriptedClients.Error(400, "ImageAlreadyExistsException", "Image already exists"),
            _ => new ScriptedResponse(200, """{"images":[{"imageId":{"imageDigest":"sha256:0000","imageTag":"1.2.3"}}],"failures":[]}"""),
        });
        using var ecr = new AmazonECRClient(ScriptedClients.Options(server));

        await Assert.ThrowsAsync<ImageAlreadyExistsException>(() => ecr.PutImageAsync(new PutImageRequest { RepositoryName = "api", ImageManifest = Samples.Manifest, ImageTag = "1.2.3" }));
    }

    [Fact]
    public async Task A_PutImage_that_finds_its_image_on_the_first_attempt_reports_it_as_before()
    {
        using var server = ScriptedServer.Always(ScriptedClients.Error(400, "ImageAlreadyExistsException", "Image already exists"));
        using var ecr = new AmazonECRClient(ScriptedClients.Options(server));

        await Assert.ThrowsAsync<ImageAlreadyExistsException>(() => ecr.PutImageAsync(new PutImageRequest { RepositoryName = "api", ImageManifest = Samples.Manifest, ImageTag = "1.2.3" }));

        Assert.Equal(1, server.Count);
    }
}
