using Slipway.Aws.Deployment.Environments;

namespace Slipway.Aws.Promotion;

/// <summary>The environment files' rules: a target takes promotions only from the environment its <c>promoteFrom</c> names.</summary>
public static class PromotionRules
{
    public static void Check(DeployEnvironment source, DeployEnvironment target)
    {
        ArgumentNullException.ThrowIfNull(source);
        ArgumentNullException.ThrowIfNull(target);
        if (source.Name == target.Name)
        {
            throw new PromotionRefusedException($"--from and --to both name '{source.Name}': a promotion copies a release from one environment to another. To redeploy, run ./build.sh Deploy --environment {source.Name}.");
        }

        if (target.PromoteFrom is not { Length: > 0 } allowed)
        {
            throw new PromotionRefusedException($"'{target.Name}' takes no promotions: {target.File} has no \"promoteFrom\". Nothing was changed. Add \"promoteFrom\": \"{source.Name}\" to it to allow this promotion.");
        }

        if (allowed != source.Name)
        {
            throw new PromotionRefusedException($"'{target.Name}' takes promotions only from '{allowed}' (\"promoteFrom\" in {target.File}), not from '{source.Name}'. Nothing was changed. Promote with --from {allowed} --to {target.Name}.");
        }
    }
}
