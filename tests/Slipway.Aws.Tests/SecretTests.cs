using Amazon.Runtime;
using Slipway.Aws.Ecr;
using Slipway.Aws.Ecr.Model;
using Slipway.Aws.Tests.Support;
using Task = System.Threading.Tasks.Task;

namespace Slipway.Aws.Tests;

public sealed class SecretTests
{
    private const string AccessKey = "TESTSECRETACCESSKEY1";
    private const string SecretKey = "secret/KEY+value0123456789";
    private const string SessionToken = "session-TOKEN-value-0123456789";
    private const string AuthorizationToken = "QVdTOnRvcC1zZWNyZXQtcmVnaXN0cnktcGFzc3dvcmQ=";

    [Fact]
    public async Task No_key_token_or_signature_reaches_a_log_line_or_an_exception()
    {
        using var server = new ScriptedServer((attempt, _) => attempt switch
        {
            1 => ScriptedClients.Error(500, "ServerException", "Internal failure."),
            2 => ScriptedClients.Error(400, "ThrottlingException", "Rate exceeded"),
            3 => new ScriptedResponse(200, $$"""{"authorizationData":[{"authorizationToken":"{{AuthorizationToken}}","expiresAt":1700000000,"proxyEndpoint":"https://123456789012.dkr.ecr.us-east-1.amazonaws.com"}]}"""),
            _ => ScriptedClients.Error(400, "RepositoryNotFoundException", "The repository with name 'api' does not exist"),
        });
        var log = new RecordingLog();
        var options = ScriptedClients.Options(server, log, maxAttempts: 3, credentials: new SessionAWSCredentials(AccessKey, SecretKey, SessionToken));
        using var ecr = new AmazonECRClient(options);

        var token = await ecr.GetAuthorizationTokenAsync(new GetAuthorizationTokenRequest());
        var error = await Assert.ThrowsAsync<RepositoryNotFoundException>(() => ecr.DescribeImagesAsync(new DescribeImagesRequest { RepositoryName = "api" }));

        Assert.Equal(AuthorizationToken, token.AuthorizationData![0].AuthorizationToken);
        Assert.Equal(6, log.Lines.Count); // 500, retry, throttled, retry, 200; then the 400 of DescribeImages
        var signature = server.Received[^1].Headers["Authorization"].Split("Signature=")[1];
        var everything = log.Text + error + error.ErrorCode + error.RequestId;
        foreach (var secret in new[] { AccessKey, SecretKey, SessionToken, AuthorizationToken, signature, "AWS4-HMAC-SHA256", "Credential=" })
        {
            Assert.DoesNotContain(secret, everything, StringComparison.Ordinal);
        }
    }
}
