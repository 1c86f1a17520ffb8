namespace Slipway.Aws.Ecs.Model;

/// <summary>Your Amazon Web Services account was blocked.</summary>
public sealed class BlockedException(AwsErrorDetails details) : AwsServiceException(details);

/// <summary>These errors are usually caused by a client action.</summary>
public sealed class ClientException(AwsErrorDetails details) : AwsServiceException(details);

/// <summary>The specified cluster wasn't found.</summary>
public sealed class ClusterNotFoundException(AwsErrorDetails details) : AwsServiceException(details);

/// <summary>The request could not be processed because of conflict in the current state of the resource.</summary>
public sealed class ConflictException(AwsErrorDetails details) : AwsServiceException(details);

/// <summary>The specified parameter isn't valid.</summary>
public sealed class InvalidParameterException(AwsErrorDetails details) : AwsServiceException(details);

/// <summary>The limit for the resource was exceeded.</summary>
public sealed class LimitExceededException(AwsErrorDetails details) : AwsServiceException(details);

/// <summary>The specified namespace wasn't found.</summary>
public sealed class NamespaceNotFoundException(AwsErrorDetails details) : AwsServiceException(details);

/// <summary>The specified platform version doesn't satisfy the required capabilities of the task definition.</summary>
public sealed class PlatformTaskDefinitionIncompatibilityException(AwsErrorDetails details) : AwsServiceException(details);

/// <summary>The specified platform version doesn't exist.</summary>
public sealed class PlatformUnknownException(AwsErrorDetails details) : AwsServiceException(details);

/// <summary>The specified resource wasn't found.</summary>
public sealed class ResourceNotFoundException(AwsErrorDetails details) : AwsServiceException(details);

/// <summary>These errors are usually caused by a server issue.</summary>
public sealed class ServerException(AwsErrorDetails details) : AwsServiceException(details);

/// <summary>The specified service isn't active.</summary>
public sealed class ServiceNotActiveException(AwsErrorDetails details) : AwsServiceException(details);

/// <summary>The specified service wasn't found.</summary>
public sealed class ServiceNotFoundException(AwsErrorDetails details) : AwsServiceException(details);

/// <summary>The specified task isn't supported in this Region.</summary>
public sealed class UnsupportedFeatureException(AwsErrorDetails details) : AwsServiceException(details);
