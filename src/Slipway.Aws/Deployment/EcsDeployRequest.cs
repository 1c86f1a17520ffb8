using Slipway.Aws.Deployment.Environments;
using Slipway.Aws.Deployment.Watching;

namespace Slipway.Aws.Deployment;

/// <summary>Everything one EcsDeploy needs to know.</summary>
public sealed record EcsDeployRequest
{
    public required DeployEnvironment Environment { get; init; }

    /// <summary>Who STS said we are; checked against the environment's account before anything else.</summary>
    public required CallerIdentity Caller { get; init; }

    /// <summary><c>deploy/taskdef.json</c>.</summary>
    public required string TemplateFile { get; init; }

    /// <summary>The digest EcrPush pushed (<c>sha256:…</c>).</summary>
    public required string Digest { get; init; }

    public required string Version { get; init; }

    public required string Commit { get; init; }

    /// <summary>Who deploys: the CI actor or the local user; tagged on the task definition.</summary>
    public required string Actor { get; init; }

    public bool Force { get; init; }

    /// <summary>The repository's URI when an earlier target of the same build looked it up; else DescribeRepositories.</summary>
    public string? RepositoryUri { get; init; }

    /// <summary>An earlier target of the same build saw <see cref="Digest"/> in the repository (DescribeImages): no second look.</summary>
    public bool ImageSeenInRepository { get; init; }

    public bool DryRun { get; init; }

    public WatchOptions Watch { get; init; } = new();

    /// <summary>For <c>{{env:NAME}}</c>.</summary>
    public Func<string, string?> GetEnvironmentVariable { get; init; } = System.Environment.GetEnvironmentVariable;
}

/// <summary>What EcsDeploy did: the record, and for a dry run the rendering and its diff against what runs.</summary>
public sealed record EcsDeployResult(Records.DeploymentRecord Record, string RenderedTaskDefinition, string Diff);
