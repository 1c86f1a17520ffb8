namespace Slipway.Aws.Ecr.Model;

/// <summary>The input of GetLifecyclePolicy: Retrieves the lifecycle policy for the specified repository.</summary>
public sealed class GetLifecyclePolicyRequest
{
    public string? RegistryId { get; set; }

    public string? RepositoryName { get; set; }
}

/// <summary>The output of GetLifecyclePolicy.</summary>
public sealed class GetLifecyclePolicyResponse
{
    public string? RegistryId { get; set; }

    public string? RepositoryName { get; set; }

    public string? LifecyclePolicyText { get; set; }

    public DateTime? LastEvaluatedAt { get; set; }
}
