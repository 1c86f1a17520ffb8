namespace Slipway.Aws.Ecr;

/// <summary>
/// The Amazon ECR operations the pipeline uses, shaped like AWSSDK.ECR's <c>IAmazonECR</c> so that moving to it is a
/// small change. The operations are generated (<c>IAmazonECR.g.cs</c>) from the list in tools/AwsModelGenerator.
/// </summary>
public partial interface IAmazonECR : IDisposable
{
    /// <summary>Helpers that follow <c>nextToken</c> through every page.</summary>
    EcrPaginators Paginators => new(this);
}
