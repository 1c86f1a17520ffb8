namespace Slipway.Aws.Ecr.Model;

/// <summary>The input of DescribeRepositories: Describes image repositories in a registry.</summary>
public sealed class DescribeRepositoriesRequest
{
    public string? RegistryId { get; set; }

    public IList<string>? RepositoryNames { get; set; }

    public string? NextToken { get; set; }

    public int? MaxResults { get; set; }
}

/// <summary>The output of DescribeRepositories.</summary>
public sealed class DescribeRepositoriesResponse
{
    public IList<Repository>? Repositories { get; set; }

    public string? NextToken { get; set; }
}
