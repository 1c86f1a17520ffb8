using System.Net;
using Slipway.Docker;

namespace Slipway.Components;

/// <summary>
/// A registry that refuses a push (401/403, Docker's "no basic auth credentials" or "unauthorized") gets the
/// fix in the build's own words, first: which parameters to give, or that the ones given were not accepted.
/// </summary>
internal static class RegistryRefusal
{
    private static readonly string[] RefusalWords = ["no basic auth credentials", "unauthorized", "authentication required", "denied"];

    public static bool IsRefusal(Exception exception) =>
        exception switch
        {
            RegistryException { StatusCode: HttpStatusCode.Unauthorized or HttpStatusCode.Forbidden } => true,
            DockerPushException push => RefusalWords.Any(w => push.Message.Contains(w, StringComparison.OrdinalIgnoreCase)),
            _ => false,
        };

    public static DockerPushException Explain(Exception exception, string registry, string? username)
    {
        var fix = username is null
            ? $"{registry} wants credentials: pass --registry-username and --registry-password (or set SLIPWAY_REGISTRY_USERNAME and SLIPWAY_REGISTRY_PASSWORD)."
            : $"{registry} did not accept the credentials of --registry-username {username}: check the user name and --registry-password.";
        return new DockerPushException($"{fix}{Environment.NewLine}{exception.Message}", exception);
    }
}
