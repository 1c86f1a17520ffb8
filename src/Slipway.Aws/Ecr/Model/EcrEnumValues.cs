namespace Slipway.Aws.Ecr.Model;

/// <summary>The values the model allows for EncryptionType.</summary>
public static class EncryptionType
{
    public const string Aes256 = "AES256";
    public const string Kms = "KMS";
    public const string KmsDsse = "KMS_DSSE";
}

/// <summary>The values the model allows for ImageFailureCode.</summary>
public static class ImageFailureCode
{
    public const string InvalidImageDigest = "InvalidImageDigest";
    public const string InvalidImageTag = "InvalidImageTag";
    public const string ImageTagDoesNotMatchDigest = "ImageTagDoesNotMatchDigest";
    public const string ImageNotFound = "ImageNotFound";
    public const string MissingDigestAndTag = "MissingDigestAndTag";
    public const string ImageReferencedByManifestList = "ImageReferencedByManifestList";
    public const string KmsError = "KmsError";
    public const string UpstreamAccessDenied = "UpstreamAccessDenied";
    public const string UpstreamTooManyRequests = "UpstreamTooManyRequests";
    public const string UpstreamUnavailable = "UpstreamUnavailable";
    public const string ImageInaccessible = "ImageInaccessible";
}

/// <summary>The values the model allows for ImageStatus.</summary>
public static class ImageStatus
{
    public const string Active = "ACTIVE";
    public const string Archived = "ARCHIVED";
    public const string Activating = "ACTIVATING";
}

/// <summary>The values the model allows for ImageStatusFilter.</summary>
public static class ImageStatusFilter
{
    public const string Active = "ACTIVE";
    public const string Archived = "ARCHIVED";
    public const string Activating = "ACTIVATING";
    public const string Any = "ANY";
}

/// <summary>The values the model allows for ImageTagMutability.</summary>
public static class ImageTagMutability
{
    public const string Mutable = "MUTABLE";
    public const string Immutable = "IMMUTABLE";
    public const string ImmutableWithExclusion = "IMMUTABLE_WITH_EXCLUSION";
    public const string MutableWithExclusion = "MUTABLE_WITH_EXCLUSION";
}

/// <summary>The values the model allows for ImageTagMutabilityExclusionFilterType.</summary>
public static class ImageTagMutabilityExclusionFilterType
{
    public const string Wildcard = "WILDCARD";
}

/// <summary>The values the model allows for TagStatus.</summary>
public static class TagStatus
{
    public const string Tagged = "TAGGED";
    public const string Untagged = "UNTAGGED";
    public const string Any = "ANY";
}
