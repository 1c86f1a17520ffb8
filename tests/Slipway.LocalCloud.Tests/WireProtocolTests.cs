using System.Net;
using System.Text;
using Amazon.Runtime;
using Amazon.SecurityToken;
using Amazon.SecurityToken.Model;
using Slipway.LocalCloud.Tests.Support;

namespace Slipway.LocalCloud.Tests;

/// <summary>What AWS answers to requests that are not signed, not known, or not JSON; and STS through the official SDK.</summary>
[Collection(UsesCloudServer.Name)]
public sealed class WireProtocolTests(CloudServer cloud)
{
    private const string Signature = "AWS4-HMAC-SHA256 Credential=local-test-key/20261128/us-east-1/ecs/aws4_request, SignedHeaders=content-type;host;x-amz-date;x-amz-target, Signature=0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef";

    [Fact]
    public async Task An_unsigned_request_is_refused_with_MissingAuthenticationTokenException()
    {
        var (status, body) = await PostAsync("AmazonEC2ContainerServiceV20141113.ListClusters", "{}", authorization: null);

        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Equal("""{"__type":"MissingAuthenticationTokenException","message":"Missing Authentication Token"}""", body);
    }

    [Fact]
    public async Task A_malformed_signature_is_refused_with_IncompleteSignatureException()
    {
        var (status, body) = await PostAsync("AmazonEC2ContainerServiceV20141113.DescribeClusters", "{}", authorization: "AWS4-HMAC-SHA256 garbage");

        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Contains("\"__type\":\"IncompleteSignatureException\"", body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_unknown_operation_gets_the_coral_UnknownOperationException_without_a_message()
    {
        var (status, body) = await PostAsync("AmazonEC2ContainerServiceV20141113.LaunchRockets", "{}", Signature);
        var (otherStatus, otherBody) = await PostAsync("DynamoDB_20120810.ListTables", "{}", Signature);

        Assert.Equal((HttpStatusCode.BadRequest, """{"__type":"com.amazon.coral.service#UnknownOperationException"}"""), (status, body));
        Assert.Equal((HttpStatusCode.BadRequest, body), (otherStatus, otherBody));
    }

    [Fact]
    public async Task A_body_that_is_not_the_operations_shape_is_a_SerializationException()
    {
        var (status, body) = await PostAsync("AmazonEC2ContainerServiceV20141113.DescribeClusters", """{"clusters": 42}""", Signature);

        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Contains("\"__type\":\"SerializationException\"", body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_official_STS_client_reads_GetCallerIdentity()
    {
        using var sts = new AmazonSecurityTokenServiceClient(
            new BasicAWSCredentials(CloudServer.AccessKey, CloudServer.SecretKey),
            new AmazonSecurityTokenServiceConfig { ServiceURL = cloud.Url.ToString(), AuthenticationRegion = "us-east-1" });

        var identity = await sts.GetCallerIdentityAsync(new GetCallerIdentityRequest());

        Assert.Equal(("000000000000", "arn:aws:iam::000000000000:root"), (identity.Account, identity.Arn));
    }

    [Fact]
    public async Task Unsigned_STS_is_refused_as_a_query_service_refuses_it()
    {
        using var http = new HttpClient();
        using var content = new StringContent("Action=GetCallerIdentity&Version=2011-06-15", Encoding.UTF8, "application/x-www-form-urlencoded");
        using var response = await http.PostAsync(cloud.Url, content);
        var body = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Contains("<Code>MissingAuthenticationToken</Code>", body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Health_answers_once_ready()
    {
        using var http = new HttpClient();
        using var response = await http.GetAsync(new Uri(cloud.Url, "/_slipway/health"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    private async Task<(HttpStatusCode Status, string Body)> PostAsync(string target, string body, string? authorization)
    {
        using var http = new HttpClient();
        using var request = new HttpRequestMessage(HttpMethod.Post, cloud.Url) { Content = new StringContent(body, Encoding.UTF8) };
        request.Content.Headers.ContentType = new("application/x-amz-json-1.1");
        request.Headers.TryAddWithoutValidation("X-Amz-Target", target);
        request.Headers.TryAddWithoutValidation("X-Amz-Date", "20261128T120000Z");
        if (authorization is not null)
        {
            request.Headers.TryAddWithoutValidation("Authorization", authorization);
        }

        using var response = await http.SendAsync(request);
        return (response.StatusCode, await response.Content.ReadAsStringAsync());
    }
}
