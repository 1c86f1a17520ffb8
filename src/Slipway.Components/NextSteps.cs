namespace Slipway.Components;

/// <summary>What a new user runs next, said where a target leaves something behind (an image, a pushed digest).</summary>
internal static class NextSteps
{
    public static string AfterDockerBuild(string tag) =>
        $"Next: docker run --rm --network host {tag} to try it, ./build.sh DockerPush --registry <host:port> to push it, or ./build.sh Deploy to deploy it to the local environment.";

    public static string AfterDockerPush(string pinnedReference) =>
        $"Next: ./build.sh Deploy --environment <name> deploys it ({pinnedReference}); the digest is in artifacts/image.json.";
}
