using System.Text;
using Slipway.Aws.Deployment;
using Slipway.Aws.Ecr;
using Slipway.Aws.Promotion;
using Slipway.Aws.Tests.Support;

namespace Slipway.Aws.Tests.Deployment;

/// <summary>
/// ECR answers moto never gives, from a scripted server through the real client: a login token that is missing or not
/// what ECR documents, and a PutImage that answers another digest. Each ends in a message naming the call.
/// </summary>
public sealed class EcrOddAnswersTests
{
    private static string Token(string text) => Convert.ToBase64String(Encoding.UTF8.GetBytes(text));

    [Theory]
    [InlineData("""{"authorizationData":[]}""", "ECR GetAuthorizationToken returned no authorization data.")]
    [InlineData("""{"authorizationData":[{"authorizationToken":"not base64!"}]}""", "ECR GetAuthorizationToken returned a token that is not base64.")]
    [InlineData("""{"authorizationData":[{"authorizationToken":"QVdTcGFzc3dvcmQ="}]}""", "ECR GetAuthorizationToken returned a token that is not 'user:password'.")]
    [InlineData("""{"authorizationData":[{"authorizationToken":"OnBhc3N3b3Jk"}]}""", "ECR GetAuthorizationToken returned a token that is not 'user:password'.")]
    public async Task A_login_token_not_as_ECR_documents_it_is_refused_naming_the_call(string body, string message)
    {
        using var server = ScriptedServer.Always(new ScriptedResponse(200, body));
        using var ecr = new AmazonECRClient(ScriptedClients.Options(server));

        var refused = await Assert.ThrowsAsync<InvalidOperationException>(() => RegistryLogin.GetAsync(ecr, CancellationToken.None));

        Assert.Equal(message, refused.Message);
    }

    [Fact]
    public async Task A_login_without_a_proxy_endpoint_still_decodes_and_names_no_endpoint()
    {
        using var server = ScriptedServer.Always(new ScriptedResponse(200, $$"""{"authorizationData":[{"authorizationToken":"{{Token("AWS:secret")}}"}]}"""));
        using var ecr = new AmazonECRClient(ScriptedClients.Options(server));

        var login = await RegistryLogin.GetAsync(ecr, CancellationToken.None);

        Assert.Equal(("AWS", "secret", ""), (login.Username, login.Password, login.ProxyEndpoint));
        Assert.Equal("AWS:**** for ", login.ToString());
    }

    [Fact]
    public async Task A_PutImage_that_answers_another_digest_fails_the_promotion_naming_both_digests()
    {
        var digest = "sha256:" + new string('a', 64);
        var other = "sha256:" + new string('b', 64);
        using var server = new ScriptedServer((_, request) => request.Headers.Any(h => h.Key.Equals("X-Amz-Target", StringComparison.OrdinalIgnoreCase) && h.Value.EndsWith(".PutImage", StringComparison.Ordinal))
            ? new ScriptedResponse(200, $$$"""{"image":{"repositoryName":"slipway/api","imageId":{"imageDigest":"{{{other}}}","imageTag":"1.0.0" } } }""")
            : request.BodyText.Contains("imageDigest", StringComparison.Ordinal)
                ? new ScriptedResponse(200, $$$"""{"images":[{"repositoryName":"slipway/api","imageId":{"imageDigest":"{{{digest}}}"},"imageManifest":"{}","imageManifestMediaType":"application/vnd.oci.image.manifest.v1+json"}],"failures":[]}""")
                : new ScriptedResponse(200, """{"images":[],"failures":[{"failureCode":"ImageNotFound","failureReason":"Requested image not found"}]}"""));
        using var ecr = new AmazonECRClient(ScriptedClients.Options(server));

        var failed = await Assert.ThrowsAsync<InvalidOperationException>(() => new EcrImageTagger(ecr).TagAsync("slipway/api", digest, "1.0.0", CancellationToken.None));

        Assert.Equal($"PutImage of slipway/api:1.0.0 answered digest {other}, not {digest}: the manifest changed on the way", failed.Message);
    }
}
