using Slipway.Aws.Ecr.Model;

namespace Slipway.LocalCloud.State;

/// <summary>An ECR repository's settings; its images live in the registry, only their first-seen times here.</summary>
internal sealed class RepositoryRecord
{
    public string Name { get; set; } = "";

    public string Arn { get; set; } = "";

    public DateTime CreatedAt { get; set; }

    public string ImageTagMutability { get; set; } = "MUTABLE";

    public List<ImageTagMutabilityExclusionFilter> ImageTagMutabilityExclusionFilters { get; set; } = [];

    public bool ScanOnPush { get; set; }

    public EncryptionConfiguration Encryption { get; set; } = new() { EncryptionType = "AES256" };

    public List<Tag> Tags { get; set; } = [];

    public string? LifecyclePolicyText { get; set; }

    /// <summary>When each manifest digest was first seen (pushed through PutImage, or found in the registry).</summary>
    public Dictionary<string, DateTime> ImagePushedAt { get; set; } = new(StringComparer.Ordinal);
}
