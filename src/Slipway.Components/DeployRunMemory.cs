using System.Collections.Concurrent;
using System.Runtime.CompilerServices;
using Slipway.Aws.Deployment;

namespace Slipway.Components;

/// <summary>
/// What one build has learned of its environment's AWS side, for the deploy targets after the one that learned it:
/// who the credentials belong to (one STS GetCallerIdentity a build, not one a target), the repository EnvironmentUp
/// found or made, and the digest EcrPush saw in it. A redeploy with nothing to change is mostly these looks, so
/// asking each once is most of its time. Keyed weakly by the build, so a finished build takes its memory with it.
/// </summary>
internal sealed class DeployRunMemory
{
    private static readonly ConditionalWeakTable<INukeBuild, DeployRunMemory> PerBuild = new();

    private readonly ConcurrentDictionary<string, EcrRepository> repositories = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<(string Environment, string Digest), bool> digestsInEcr = new();

    public static DeployRunMemory Of(INukeBuild build) => PerBuild.GetValue(build, _ => new DeployRunMemory());

    /// <summary>One identity look per environment and STS endpoint; a failed look fails every target that asks.</summary>
    public ConcurrentDictionary<string, Lazy<Task<CallerIdentity>>> Callers { get; } = new(StringComparer.Ordinal);

    public EcrRepository? Repository(string environment) => repositories.GetValueOrDefault(environment);

    public void RememberRepository(string environment, EcrRepository repository) => repositories[environment] = repository;

    /// <summary>Whether DescribeImages showed this digest in the environment's repository earlier in this build.</summary>
    public bool IsInEcr(string environment, string digest) => digestsInEcr.ContainsKey((environment, digest));

    public void RememberInEcr(string environment, string digest) => digestsInEcr[(environment, digest)] = true;
}
