namespace Slipway.Components;

/// <summary>
/// The exit codes of a deploy beyond the engine's (0 success, 1 a target failed, 2 usage error, 130 cancelled).
/// Bad inputs (an unknown or malformed environment, the wrong AWS account, a broken template, no credentials, no
/// image built or pushed yet) are usage errors: exit 2, nothing changed.
/// </summary>
public static class DeployExitCodes
{
    /// <summary>Our deployment FAILED, was rolled back (by ECS's circuit breaker or by the fail-fast), or was replaced.</summary>
    public const int DeploymentFailed = 20;

    /// <summary><c>--deploy-timeout</c> ran out while the deployment was still rolling out.</summary>
    public const int DeploymentTimedOut = 21;

    /// <summary>Another deployment was in progress on the service; nothing was changed (<c>--force</c> deploys over it).</summary>
    public const int DeploymentInProgress = 22;
}
