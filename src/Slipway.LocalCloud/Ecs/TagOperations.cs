using Slipway.Aws.Ecs.Model;
using Slipway.LocalCloud.Protocol;
using Slipway.LocalCloud.State;

namespace Slipway.LocalCloud.Ecs;

/// <summary>TagResource and ListTagsForResource on clusters, services, task definitions and tasks, by ARN.</summary>
internal sealed class TagOperations(StateStore store)
{
    public TagResourceResponse TagResource(TagResourceRequest request)
    {
        var tags = request.Tags ?? [];
        if (tags.Any(t => string.IsNullOrEmpty(t.Key)))
        {
            throw ApiError.InvalidParameter("Tag keys must not be empty.");
        }

        store.Mutate(state =>
        {
            var current = TagsOf(state, request.ResourceArn);
            foreach (var tag in tags)
            {
                current.RemoveAll(t => t.Key == tag.Key);
                current.Add(new Tag { Key = tag.Key, Value = tag.Value ?? "" });
            }
        });
        return new TagResourceResponse();
    }

    public UntagResourceResponse UntagResource(UntagResourceRequest request)
    {
        store.Mutate(state => TagsOf(state, request.ResourceArn).RemoveAll(t => request.TagKeys?.Contains(t.Key!) == true));
        return new UntagResourceResponse();
    }

    public ListTagsForResourceResponse ListTagsForResource(ListTagsForResourceRequest request)
        => store.Read(state => new ListTagsForResourceResponse { Tags = [.. TagsOf(state, request.ResourceArn).Select(ModelCopy.Of)] });

    private static List<Tag> TagsOf(CloudState state, string? arn)
    {
        var found = arn switch
        {
            null => null,
            _ when arn.Contains(":cluster/", StringComparison.Ordinal) => state.Clusters.Values.FirstOrDefault(c => c.Arn == arn)?.Tags,
            _ when arn.Contains(":service/", StringComparison.Ordinal) => state.Services.GetValueOrDefault(arn)?.Tags,
            _ when arn.Contains(":task-definition/", StringComparison.Ordinal) => TaskDefinitionOperations.Find(state, arn, activeOnly: false)?.Tags,
            _ when arn.Contains(":task/", StringComparison.Ordinal) => state.Tasks.Values.FirstOrDefault(t => t.Arn == arn)?.Tags,
            _ => null,
        };
        return found ?? throw new ApiError("InvalidParameterException", "The specified resource could not be found.");
    }
}
