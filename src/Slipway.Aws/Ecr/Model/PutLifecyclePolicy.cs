namespace Slipway.Aws.Ecr.Model;

/// <summary>The input of PutLifecyclePolicy: Creates or updates the lifecycle policy for the specified repository.</summary>
public sealed class PutLifecyclePolicyRequest
{
    public string? RegistryId { get; set; }

    public string? RepositoryName { get; set; }

    public string? LifecyclePolicyText { get; set; }
}

/// <summary>The output of PutLifecyclePolicy.</summary>
public sealed class PutLifecyclePolicyResponse
{
    public string? RegistryId { get; set; }

    public string? RepositoryName { get; set; }

    public string? LifecyclePolicyText { get; set; }
}
