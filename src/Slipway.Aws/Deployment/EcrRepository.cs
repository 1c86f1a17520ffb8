namespace Slipway.Aws.Deployment;

/// <summary>The environment's ECR repository as the deploy found or made it.</summary>
public sealed record EcrRepository(string Name, string Uri, string RegistryId, string Arn, bool Created, IReadOnlyList<string> Drift)
{
    /// <summary>Where images are pushed: <c>host/name</c>, with the host overridden by the environment's <c>endpoints.registry</c>.</summary>
    public string PushRepository(string? registryOverride) =>
        registryOverride is { Length: > 0 } host ? $"{host}/{Name}" : Uri;

    /// <summary>The image reference a task definition runs: the repository URI pinned by digest.</summary>
    public string Pinned(string digest) => $"{Uri}@{digest}";
}
