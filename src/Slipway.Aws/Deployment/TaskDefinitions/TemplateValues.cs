namespace Slipway.Aws.Deployment.TaskDefinitions;

/// <summary>What the placeholders of <c>deploy/taskdef.json</c> stand for in one deploy.</summary>
public sealed record TemplateValues
{
    /// <summary>The image pinned by digest: <c>repositoryUri@sha256:…</c>, never a tag.</summary>
    public required string Image { get; init; }

    public required string Version { get; init; }

    public required string Commit { get; init; }

    public required string Environment { get; init; }

    /// <summary><c>{{var:NAME}}</c>: the environment file's <c>variables</c>.</summary>
    public IReadOnlyDictionary<string, string> Variables { get; init; } = new Dictionary<string, string>();

    /// <summary>The file the variables come from, named when one is missing.</summary>
    public string VariablesFile { get; init; } = "the environment file";

    /// <summary><c>{{env:NAME}}</c>: the process environment (replaceable for tests).</summary>
    public Func<string, string?> GetEnvironmentVariable { get; init; } = System.Environment.GetEnvironmentVariable;
}
