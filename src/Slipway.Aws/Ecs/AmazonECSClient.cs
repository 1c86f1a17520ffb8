using Slipway.Aws.Transport;

namespace Slipway.Aws.Ecs;

/// <summary>
/// Amazon ECS over AWS JSON 1.1, signed by AWSSDK.Core; see <see cref="AwsClientOptions"/> for endpoint, region,
/// credentials and retries. The operations are generated from the model (<c>AmazonECSClient.g.cs</c>).
/// </summary>
public sealed partial class AmazonECSClient : IAmazonECS
{
    private readonly AwsJsonClient transport;

    /// <exception cref="AwsConfigurationException">No region is given or configured, or the endpoint is malformed.</exception>
    public AmazonECSClient(AwsClientOptions? options = null)
    {
        transport = new AwsJsonClient(AwsServiceDescription.Ecs, EcsErrors.ByCode, options ?? new AwsClientOptions());
    }

    /// <summary>The region requests are signed for.</summary>
    public string Region => transport.Region;

    /// <summary>Where requests go, after the overrides (<see cref="AwsClientOptions.ServiceUrl"/>, <c>AWS_ENDPOINT_URL_ECS</c>, <c>AWS_ENDPOINT_URL</c>).</summary>
    public Uri ServiceEndpoint => transport.Endpoint;

    /// <inheritdoc cref="IAmazonECS.Paginators"/>
    public EcsPaginators Paginators => new(this);

    public void Dispose() => transport.Dispose();
}
