namespace Slipway.Aws.Promotion;

/// <summary>
/// Where a rollback goes: the last revision whose deployment succeeded before the current one, from the task
/// definitions' records; not "revision minus one", which may be a release that never ran well.
/// </summary>
public static class RollbackTarget
{
    public static Release Choose(EnvironmentState state)
    {
        ArgumentNullException.ThrowIfNull(state);
        var name = state.Environment.Name;
        if (state.Service is null)
        {
            throw new PromotionRefusedException($"'{name}' has no service '{state.Environment.Service}' in cluster '{state.Environment.Cluster}': there is nothing to roll back. Nothing was changed.");
        }

        var current = state.Current;
        var earlier = state.Successful
            .Where(r => current is null || r.TaskDefinitionArn != current.TaskDefinitionArn)
            .Where(r => current?.DeployedAt is not { } since || r.DeployedAt < since)
            .FirstOrDefault();
        return earlier ?? throw new PromotionRefusedException(
            $"'{name}' has no successful deployment before the one it runs ({current?.Describe() ?? state.Service.TaskDefinition}), so there is nothing to roll back to. Nothing was changed."
            + (state.Successful.Any() ? " Successful deployments on record:" + string.Concat(state.Successful.Select(r => Environment.NewLine + "  " + r.Describe())) : ""));
    }
}
