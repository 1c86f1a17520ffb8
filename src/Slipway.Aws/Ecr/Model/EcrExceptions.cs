namespace Slipway.Aws.Ecr.Model;

/// <summary>The specified image has already been pushed, and there were no changes to the manifest or image tag after the last push.</summary>
public sealed class ImageAlreadyExistsException(AwsErrorDetails details) : AwsServiceException(details);

/// <summary>The specified image digest does not match the digest that Amazon ECR calculated for the image.</summary>
public sealed class ImageDigestDoesNotMatchException(AwsErrorDetails details) : AwsServiceException(details);

/// <summary>The image requested does not exist in the specified repository.</summary>
public sealed class ImageNotFoundException(AwsErrorDetails details) : AwsServiceException(details);

/// <summary>The specified image is tagged with a tag that already exists.</summary>
public sealed class ImageTagAlreadyExistsException(AwsErrorDetails details) : AwsServiceException(details);

/// <summary>The specified parameter is invalid.</summary>
public sealed class InvalidParameterException(AwsErrorDetails details) : AwsServiceException(details);

/// <summary>An invalid parameter has been specified.</summary>
public sealed class InvalidTagParameterException(AwsErrorDetails details) : AwsServiceException(details);

/// <summary>The operation failed due to a KMS exception.</summary>
public sealed class KmsException(AwsErrorDetails details) : AwsServiceException(details);

/// <summary>The specified layers could not be found, or the specified layer is not valid for this repository.</summary>
public sealed class LayersNotFoundException(AwsErrorDetails details) : AwsServiceException(details);

/// <summary>The lifecycle policy could not be found, and no policy is set to the repository.</summary>
public sealed class LifecyclePolicyNotFoundException(AwsErrorDetails details) : AwsServiceException(details);

/// <summary>The operation did not succeed because it would have exceeded a service limit for your account.</summary>
public sealed class LimitExceededException(AwsErrorDetails details) : AwsServiceException(details);

/// <summary>The manifest list is referencing an image that does not exist.</summary>
public sealed class ReferencedImagesNotFoundException(AwsErrorDetails details) : AwsServiceException(details);

/// <summary>The specified repository already exists in the specified registry.</summary>
public sealed class RepositoryAlreadyExistsException(AwsErrorDetails details) : AwsServiceException(details);

/// <summary>The specified repository could not be found.</summary>
public sealed class RepositoryNotFoundException(AwsErrorDetails details) : AwsServiceException(details);

/// <summary>These errors are usually caused by a server-side issue.</summary>
public sealed class ServerException(AwsErrorDetails details) : AwsServiceException(details);

/// <summary>The list of tags on the repository is over the limit.</summary>
public sealed class TooManyTagsException(AwsErrorDetails details) : AwsServiceException(details);

/// <summary>The image or images were unable to be pulled using the pull through cache rule.</summary>
public sealed class UnableToGetUpstreamImageException(AwsErrorDetails details) : AwsServiceException(details);

/// <summary>There was an exception validating this request.</summary>
public sealed class ValidationException(AwsErrorDetails details) : AwsServiceException(details);
