namespace Slipway.Aws.Ecs.Model;

/// <summary>The input of StopTask: Stops a running task.</summary>
public sealed class StopTaskRequest
{
    public string? Cluster { get; set; }

    public string? Task { get; set; }

    public string? Reason { get; set; }
}

/// <summary>The output of StopTask.</summary>
public sealed class StopTaskResponse
{
    public Task? Task { get; set; }
}
