namespace Slipway.Aws.Ecs;

/// <summary>
/// The Amazon ECS operations the pipeline uses, shaped like AWSSDK.ECS's <c>IAmazonECS</c> so that moving to it is a
/// small change. The operations are generated (<c>IAmazonECS.g.cs</c>) from the list in tools/AwsModelGenerator.
/// </summary>
public partial interface IAmazonECS : IDisposable
{
    /// <summary>Helpers that follow <c>nextToken</c> through every page.</summary>
    EcsPaginators Paginators => new(this);
}
