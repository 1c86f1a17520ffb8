using System.Diagnostics;
using System.Text.Json;
using Amazon.Runtime;
using Microsoft.Extensions.Time.Testing;
using Slipway.Aws.Ecs;
using Slipway.Aws.Ecs.Model;
using Slipway.Aws.Tests.Support;
using Task = System.Threading.Tasks.Task;

namespace Slipway.Aws.Tests;

/// <summary>
/// The request as it arrives on the wire, signed at a fixed time with known credentials, has the Authorization
/// header that botocore computes independently from the same method, URL, headers and body.
/// </summary>
public sealed class SignatureTests
{
    private const string BotocoreSigner = """
        import datetime, json, sys
        import botocore.auth
        from botocore.auth import SigV4Auth
        from botocore.awsrequest import AWSRequest
        from botocore.credentials import Credentials
        i = json.load(sys.stdin)
        botocore.auth.get_current_datetime = lambda *a, **k: datetime.datetime(2024, 1, 2, 3, 4, 5)
        request = AWSRequest(method="POST", url=i["url"], data=i["body"].encode(), headers=i["headers"])
        SigV4Auth(Credentials(i["accessKey"], i["secretKey"], i["token"]), i["service"], i["region"]).add_auth(request)
        print(request.headers["Authorization"])
        """;

    [Fact]
    public async Task A_signed_request_matches_the_signature_botocore_computes()
    {
        using var server = ScriptedServer.Always(new ScriptedResponse(200, "{}"));
        var credentials = new SessionAWSCredentials("AKIDEXAMPLE", "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY", "IQoJb3JpZ2luX2VjEXAMPLETOKEN");
        var time = new FakeTimeProvider(new DateTimeOffset(2024, 1, 2, 3, 4, 5, TimeSpan.Zero));
        using var ecs = new AmazonECSClient(ScriptedClients.Options(server, maxAttempts: 1, time: time, credentials: credentials) with { Region = "eu-west-1" });

        await ecs.DescribeServicesAsync(new DescribeServicesRequest { Cluster = "prod", Services = ["api"], Include = ["TAGS"] });

        var sent = Assert.Single(server.Received);
        Assert.Equal("20240102T030405Z", sent.Headers["X-Amz-Date"]);
        Assert.Equal("IQoJb3JpZ2luX2VjEXAMPLETOKEN", sent.Headers["X-Amz-Security-Token"]);
        var expected = await BotocoreAuthorization(new
        {
            url = server.Url,
            body = sent.BodyText,
            headers = new Dictionary<string, string>
            {
                ["Content-Type"] = sent.Headers["Content-Type"],
                ["X-Amz-Target"] = sent.Headers["X-Amz-Target"],
                ["X-Amz-Content-SHA256"] = sent.Headers["X-Amz-Content-SHA256"],
            },
            accessKey = "AKIDEXAMPLE",
            secretKey = "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY",
            token = "IQoJb3JpZ2luX2VjEXAMPLETOKEN",
            service = "ecs",
            region = "eu-west-1",
        });
        Assert.Equal(expected, sent.Headers["Authorization"]);
    }

    private static async Task<string> BotocoreAuthorization(object input)
    {
        var info = new ProcessStartInfo("python3") { RedirectStandardInput = true, RedirectStandardOutput = true, RedirectStandardError = true };
        info.ArgumentList.Add("-c");
        info.ArgumentList.Add(BotocoreSigner);
        using var python = Process.Start(info)!;
        await python.StandardInput.WriteAsync(JsonSerializer.Serialize(input));
        python.StandardInput.Close();
        var output = python.StandardOutput.ReadToEndAsync();
        var error = python.StandardError.ReadToEndAsync();
        await python.WaitForExitAsync();
        Assert.True(python.ExitCode == 0, "botocore failed: " + await error);
        return (await output).Trim();
    }
}
