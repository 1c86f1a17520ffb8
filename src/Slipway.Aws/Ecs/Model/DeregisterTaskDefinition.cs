namespace Slipway.Aws.Ecs.Model;

/// <summary>The input of DeregisterTaskDefinition: Deregisters the specified task definition by family and revision.</summary>
public sealed class DeregisterTaskDefinitionRequest
{
    public string? TaskDefinition { get; set; }
}

/// <summary>The output of DeregisterTaskDefinition.</summary>
public sealed class DeregisterTaskDefinitionResponse
{
    public TaskDefinition? TaskDefinition { get; set; }
}
