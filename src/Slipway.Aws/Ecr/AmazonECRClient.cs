using Slipway.Aws.Transport;

namespace Slipway.Aws.Ecr;

/// <summary>
/// Amazon ECR over AWS JSON 1.1, signed by AWSSDK.Core; see <see cref="AwsClientOptions"/> for endpoint, region,
/// credentials and retries. The operations are generated from the model (<c>AmazonECRClient.g.cs</c>).
/// </summary>
public sealed partial class AmazonECRClient : IAmazonECR
{
    private readonly AwsJsonClient transport;

    /// <exception cref="AwsConfigurationException">No region is given or configured, or the endpoint is malformed.</exception>
    public AmazonECRClient(AwsClientOptions? options = null)
    {
        transport = new AwsJsonClient(AwsServiceDescription.Ecr, EcrErrors.ByCode, options ?? new AwsClientOptions());
    }

    /// <summary>The region requests are signed for.</summary>
    public string Region => transport.Region;

    /// <summary>Where requests go, after the overrides (<see cref="AwsClientOptions.ServiceUrl"/>, <c>AWS_ENDPOINT_URL_ECR</c>, <c>AWS_ENDPOINT_URL</c>).</summary>
    public Uri ServiceEndpoint => transport.Endpoint;

    /// <inheritdoc cref="IAmazonECR.Paginators"/>
    public EcrPaginators Paginators => new(this);

    public void Dispose() => transport.Dispose();
}
