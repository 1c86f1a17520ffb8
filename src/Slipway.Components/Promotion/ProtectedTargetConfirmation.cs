using Slipway.Aws.Deployment.Environments;
using Slipway.Aws.Promotion;
using Spectre.Console;

namespace Slipway.Components.Promotion;

/// <summary>
/// A <c>protected</c> environment takes a promotion only when someone confirmed it: <c>--yes</c>, an answer on a
/// terminal, or a CI run (whose own approvals, such as GitHub environments, guard it). Anything else is refused
/// before a byte moves.
/// </summary>
internal static class ProtectedTargetConfirmation
{
    public static void Require(DeployEnvironment target, Release release, bool yes, bool isServerBuild, ILog log)
    {
        if (!target.Protected)
        {
            return;
        }

        if (yes)
        {
            log.Information($"'{target.Name}' is protected: confirmed by --yes");
            return;
        }

        if (isServerBuild)
        {
            log.Information($"'{target.Name}' is protected: promoting from CI");
            return;
        }

        if (Console.IsInputRedirected || Console.IsOutputRedirected)
        {
            throw new PromotionRefusedException(
                $"'{target.Name}' is protected (\"protected\": true in {target.File}) and this run has no terminal to ask for confirmation on. Nothing was changed. Pass --yes to confirm the promotion of {release.Version} ({release.Digest}), or promote from CI.");
        }

        if (!AnsiConsole.Confirm($"Promote {release.Version} ({release.Digest}) to protected environment '{target.Name}'?", defaultValue: false))
        {
            throw new PromotionRefusedException($"The promotion to protected '{target.Name}' was not confirmed. Nothing was changed.");
        }
    }
}
