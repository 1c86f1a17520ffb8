using Slipway.Aws.Ecr.Model;
using Slipway.Aws.Transport;
using Slipway.LocalCloud.Protocol;

namespace Slipway.LocalCloud.Ecr;

/// <summary>The ECR operations the local cloud answers, under ECR's <c>X-Amz-Target</c> prefix.</summary>
internal static class EcrApi
{
    public static OperationTable Create(RepositoryOperations repositories, ImageOperations images) =>
        new OperationTable(AwsServiceDescription.Ecr.TargetPrefix)
            .Add<GetAuthorizationTokenRequest, GetAuthorizationTokenResponse>("GetAuthorizationToken", repositories.GetAuthorizationToken)
            .Add<CreateRepositoryRequest, CreateRepositoryResponse>("CreateRepository", repositories.CreateRepository)
            .Add<DescribeRepositoriesRequest, DescribeRepositoriesResponse>("DescribeRepositories", repositories.DescribeRepositories)
            .Add<DeleteRepositoryRequest, DeleteRepositoryResponse>("DeleteRepository", images.DeleteRepositoryAsync)
            .Add<PutLifecyclePolicyRequest, PutLifecyclePolicyResponse>("PutLifecyclePolicy", repositories.PutLifecyclePolicy)
            .Add<GetLifecyclePolicyRequest, GetLifecyclePolicyResponse>("GetLifecyclePolicy", repositories.GetLifecyclePolicy)
            .Add<DeleteLifecyclePolicyRequest, DeleteLifecyclePolicyResponse>("DeleteLifecyclePolicy", repositories.DeleteLifecyclePolicy)
            .Add<GetLifecyclePolicyPreviewRequest, GetLifecyclePolicyPreviewResponse>("GetLifecyclePolicyPreview", repositories.GetLifecyclePolicyPreview)
            .Add<PutImageScanningConfigurationRequest, PutImageScanningConfigurationResponse>("PutImageScanningConfiguration", repositories.PutImageScanningConfiguration)
            .Add<PutImageTagMutabilityRequest, PutImageTagMutabilityResponse>("PutImageTagMutability", repositories.PutImageTagMutability)
            .Add<TagResourceRequest, TagResourceResponse>("TagResource", repositories.TagResource)
            .Add<UntagResourceRequest, UntagResourceResponse>("UntagResource", repositories.UntagResource)
            .Add<ListTagsForResourceRequest, ListTagsForResourceResponse>("ListTagsForResource", repositories.ListTagsForResource)
            .Add<DescribeImagesRequest, DescribeImagesResponse>("DescribeImages", images.DescribeImagesAsync)
            .Add<ListImagesRequest, ListImagesResponse>("ListImages", images.ListImagesAsync)
            .Add<BatchGetImageRequest, BatchGetImageResponse>("BatchGetImage", images.BatchGetImageAsync)
            .Add<PutImageRequest, PutImageResponse>("PutImage", images.PutImageAsync)
            .Add<BatchDeleteImageRequest, BatchDeleteImageResponse>("BatchDeleteImage", images.BatchDeleteImageAsync);
}
