using Slipway.Aws.Tests.Support;

namespace Slipway.Aws.Tests.Deployment;

/// <summary>moto checks an awsvpc service's subnets and security groups against its EC2: these are its defaults.</summary>
internal static class MotoNetwork
{
    public static async Task<(string Subnet, string SecurityGroup)> DefaultsAsync(MotoServer moto)
    {
        ArgumentNullException.ThrowIfNull(moto);
        using var http = new HttpClient();
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri(moto.Url + "/"))
        {
            Content = new FormUrlEncodedContent(new Dictionary<string, string> { ["Action"] = "DescribeSecurityGroups", ["Version"] = "2016-11-15" }),
        };
        request.Headers.TryAddWithoutValidation("Authorization", "AWS4-HMAC-SHA256 Credential=testing/20240101/us-east-1/ec2/aws4_request, SignedHeaders=host, Signature=0");
        using var response = await http.SendAsync(request);
        var xml = await response.Content.ReadAsStringAsync();
        var group = System.Text.RegularExpressions.Regex.Match(xml, "<groupId>(sg-[0-9a-f]+)</groupId>").Groups[1].Value;
        return (await moto.DefaultSubnetAsync(), group.Length > 0 ? group : throw new InvalidOperationException("moto listed no security group: " + xml));
    }
}
