using System.Collections.Frozen;
using Slipway.Aws.Ecs.Model;

namespace Slipway.Aws.Ecs;

/// <summary>The error codes ECS's model declares for the operations we call, each to its exception type.</summary>
internal static class EcsErrors
{
    public static FrozenDictionary<string, Func<AwsErrorDetails, AwsServiceException>> ByCode { get; } = new Dictionary<string, Func<AwsErrorDetails, AwsServiceException>>(StringComparer.Ordinal)
    {
        ["BlockedException"] = d => new BlockedException(d),
        ["ClientException"] = d => new ClientException(d),
        ["ClusterNotFoundException"] = d => new ClusterNotFoundException(d),
        ["ConflictException"] = d => new ConflictException(d),
        ["InvalidParameterException"] = d => new InvalidParameterException(d),
        ["LimitExceededException"] = d => new LimitExceededException(d),
        ["NamespaceNotFoundException"] = d => new NamespaceNotFoundException(d),
        ["PlatformTaskDefinitionIncompatibilityException"] = d => new PlatformTaskDefinitionIncompatibilityException(d),
        ["PlatformUnknownException"] = d => new PlatformUnknownException(d),
        ["ResourceNotFoundException"] = d => new ResourceNotFoundException(d),
        ["ServerException"] = d => new ServerException(d),
        ["ServiceNotActiveException"] = d => new ServiceNotActiveException(d),
        ["ServiceNotFoundException"] = d => new ServiceNotFoundException(d),
        ["UnsupportedFeatureException"] = d => new UnsupportedFeatureException(d),
    }.ToFrozenDictionary(StringComparer.Ordinal);
}
