namespace Slipway.Aws.Ecs.Model;

/// <summary>The input of ListTaskDefinitions: Returns a list of task definitions that are registered to your account.</summary>
public sealed class ListTaskDefinitionsRequest
{
    public string? FamilyPrefix { get; set; }

    public string? Status { get; set; }

    public string? Sort { get; set; }

    public string? NextToken { get; set; }

    public int? MaxResults { get; set; }
}

/// <summary>The output of ListTaskDefinitions.</summary>
public sealed class ListTaskDefinitionsResponse
{
    public IList<string>? TaskDefinitionArns { get; set; }

    public string? NextToken { get; set; }
}
