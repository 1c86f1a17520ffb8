using System.Collections.Frozen;
using Slipway.Aws.Ecr.Model;

namespace Slipway.Aws.Ecr;

/// <summary>The error codes ECR's model declares for the operations we call, each to its exception type.</summary>
internal static class EcrErrors
{
    public static FrozenDictionary<string, Func<AwsErrorDetails, AwsServiceException>> ByCode { get; } = new Dictionary<string, Func<AwsErrorDetails, AwsServiceException>>(StringComparer.Ordinal)
    {
        ["ImageAlreadyExistsException"] = d => new ImageAlreadyExistsException(d),
        ["ImageDigestDoesNotMatchException"] = d => new ImageDigestDoesNotMatchException(d),
        ["ImageNotFoundException"] = d => new ImageNotFoundException(d),
        ["ImageTagAlreadyExistsException"] = d => new ImageTagAlreadyExistsException(d),
        ["InvalidParameterException"] = d => new InvalidParameterException(d),
        ["InvalidTagParameterException"] = d => new InvalidTagParameterException(d),
        ["KmsException"] = d => new KmsException(d),
        ["LayersNotFoundException"] = d => new LayersNotFoundException(d),
        ["LifecyclePolicyNotFoundException"] = d => new LifecyclePolicyNotFoundException(d),
        ["LimitExceededException"] = d => new LimitExceededException(d),
        ["ReferencedImagesNotFoundException"] = d => new ReferencedImagesNotFoundException(d),
        ["RepositoryAlreadyExistsException"] = d => new RepositoryAlreadyExistsException(d),
        ["RepositoryNotFoundException"] = d => new RepositoryNotFoundException(d),
        ["ServerException"] = d => new ServerException(d),
        ["TooManyTagsException"] = d => new TooManyTagsException(d),
        ["UnableToGetUpstreamImageException"] = d => new UnableToGetUpstreamImageException(d),
        ["ValidationException"] = d => new ValidationException(d),
    }.ToFrozenDictionary(StringComparer.Ordinal);
}
