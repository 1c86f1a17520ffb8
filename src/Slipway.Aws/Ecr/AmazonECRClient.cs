using Slipway.Aws.Ecr.Model;
using Slipway.Aws.Transport;

namespace Slipway.Aws.Ecr;

/// <summary>Amazon ECR over AWS JSON 1.1, signed by AWSSDK.Core; see <see cref="AwsClientOptions"/> for endpoint, region, credentials and retries.</summary>
public sealed class AmazonECRClient : IAmazonECR
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

    public Task<GetAuthorizationTokenResponse> GetAuthorizationTokenAsync(GetAuthorizationTokenRequest request, CancellationToken cancellationToken = default)
        => transport.SendAsync<GetAuthorizationTokenRequest, GetAuthorizationTokenResponse>("GetAuthorizationToken", request, cancellationToken);

    public Task<CreateRepositoryResponse> CreateRepositoryAsync(CreateRepositoryRequest request, CancellationToken cancellationToken = default)
        => transport.SendAsync<CreateRepositoryRequest, CreateRepositoryResponse>("CreateRepository", request, cancellationToken);

    public Task<DescribeRepositoriesResponse> DescribeRepositoriesAsync(DescribeRepositoriesRequest request, CancellationToken cancellationToken = default)
        => transport.SendAsync<DescribeRepositoriesRequest, DescribeRepositoriesResponse>("DescribeRepositories", request, cancellationToken);

    public Task<DescribeImagesResponse> DescribeImagesAsync(DescribeImagesRequest request, CancellationToken cancellationToken = default)
        => transport.SendAsync<DescribeImagesRequest, DescribeImagesResponse>("DescribeImages", request, cancellationToken);

    public Task<BatchGetImageResponse> BatchGetImageAsync(BatchGetImageRequest request, CancellationToken cancellationToken = default)
        => transport.SendAsync<BatchGetImageRequest, BatchGetImageResponse>("BatchGetImage", request, cancellationToken);

    public Task<PutImageResponse> PutImageAsync(PutImageRequest request, CancellationToken cancellationToken = default)
        => transport.SendAsync<PutImageRequest, PutImageResponse>("PutImage", request, cancellationToken);

    public Task<BatchDeleteImageResponse> BatchDeleteImageAsync(BatchDeleteImageRequest request, CancellationToken cancellationToken = default)
        => transport.SendAsync<BatchDeleteImageRequest, BatchDeleteImageResponse>("BatchDeleteImage", request, cancellationToken);

    public Task<PutLifecyclePolicyResponse> PutLifecyclePolicyAsync(PutLifecyclePolicyRequest request, CancellationToken cancellationToken = default)
        => transport.SendAsync<PutLifecyclePolicyRequest, PutLifecyclePolicyResponse>("PutLifecyclePolicy", request, cancellationToken);

    public Task<GetLifecyclePolicyResponse> GetLifecyclePolicyAsync(GetLifecyclePolicyRequest request, CancellationToken cancellationToken = default)
        => transport.SendAsync<GetLifecyclePolicyRequest, GetLifecyclePolicyResponse>("GetLifecyclePolicy", request, cancellationToken);

    public Task<PutImageScanningConfigurationResponse> PutImageScanningConfigurationAsync(PutImageScanningConfigurationRequest request, CancellationToken cancellationToken = default)
        => transport.SendAsync<PutImageScanningConfigurationRequest, PutImageScanningConfigurationResponse>("PutImageScanningConfiguration", request, cancellationToken);

    public Task<PutImageTagMutabilityResponse> PutImageTagMutabilityAsync(PutImageTagMutabilityRequest request, CancellationToken cancellationToken = default)
        => transport.SendAsync<PutImageTagMutabilityRequest, PutImageTagMutabilityResponse>("PutImageTagMutability", request, cancellationToken);

    public Task<TagResourceResponse> TagResourceAsync(TagResourceRequest request, CancellationToken cancellationToken = default)
        => transport.SendAsync<TagResourceRequest, TagResourceResponse>("TagResource", request, cancellationToken);

    public void Dispose() => transport.Dispose();
}
