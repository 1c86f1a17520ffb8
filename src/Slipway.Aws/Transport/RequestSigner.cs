using Amazon;
using Amazon.Runtime;
using Amazon.Runtime.Signing;

namespace Slipway.Aws.Transport;

/// <summary>Signs with AWSSDK.Core's own SigV4 signer; we only choose what goes into the signature.</summary>
internal static class RequestSigner
{
    /// <summary>Returns the headers to add (Authorization, X-Amz-Date, X-Amz-Content-SHA256, X-Amz-Security-Token).</summary>
    public static async Task<IDictionary<string, string>> SignAsync(
        Uri endpoint,
        IReadOnlyDictionary<string, string> headers,
        byte[] body,
        AWSCredentials credentials,
        string region,
        string signingName,
        DateTime signedAt,
        CancellationToken cancellationToken)
    {
        var request = new AWSSigningRequest { HttpMethod = HttpMethod.Post, RequestUri = endpoint, Content = body };
        foreach (var (name, value) in headers)
        {
            request.Headers[name] = value;
        }

        var parameters = new AWSSigV4Parameters
        {
            Credentials = credentials,
            Region = RegionEndpoint.GetBySystemName(region),
            Service = signingName,
            SignPayload = true,
            SignedAt = signedAt,
        };
        var result = await AWSSigV4Signer.SignAsync(request, parameters, cancellationToken);
        return result.Headers;
    }
}
