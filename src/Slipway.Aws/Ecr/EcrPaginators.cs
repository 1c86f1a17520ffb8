using Slipway.Aws.Ecr.Model;

namespace Slipway.Aws.Ecr;

/// <summary>The ECR list operations that page, as <see cref="Paginator{TResponse, TItem}"/>s.</summary>
public sealed class EcrPaginators(IAmazonECR ecr)
{
    public Paginator<DescribeRepositoriesResponse, Repository> DescribeRepositories(DescribeRepositoriesRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        return new(request.NextToken, (token, ct) => { request.NextToken = token; return ecr.DescribeRepositoriesAsync(request, ct); }, r => r.NextToken, r => r.Repositories);
    }

    public Paginator<ListImagesResponse, ImageIdentifier> ListImages(ListImagesRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        return new(request.NextToken, (token, ct) => { request.NextToken = token; return ecr.ListImagesAsync(request, ct); }, r => r.NextToken, r => r.ImageIds);
    }

    public Paginator<DescribeImagesResponse, ImageDetail> DescribeImages(DescribeImagesRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        return new(request.NextToken, (token, ct) => { request.NextToken = token; return ecr.DescribeImagesAsync(request, ct); }, r => r.NextToken, r => r.ImageDetails);
    }
}
