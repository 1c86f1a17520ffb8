namespace Slipway.Aws.Promotion;

/// <summary>
/// Which release of the source environment a promotion copies: by default what its service runs now (its PRIMARY,
/// COMPLETED deployment); with a version or digest, a release the source ran successfully. Anything else is refused
/// with the list of what the source did run.
/// </summary>
public static class PromotionSource
{
    public static Release Choose(EnvironmentState source, string? version, string? digest)
    {
        ArgumentNullException.ThrowIfNull(source);
        var name = source.Environment.Name;
        if (source.Service is null)
        {
            throw new PromotionRefusedException($"'{name}' has no service '{source.Environment.Service}' in cluster '{source.Environment.Cluster}': there is nothing to promote. Nothing was changed. Deploy to '{name}' first.");
        }

        if (!source.IsSteady)
        {
            throw new PromotionRefusedException($"'{name}' is not steady ({source.DescribeDeployments()}): promote what it runs once its deployment has completed. Nothing was changed.");
        }

        if (source.Current is null)
        {
            throw new PromotionRefusedException($"'{name}' runs {source.Service.TaskDefinition}, which Slipway did not deploy (it has no slipway:digest tag): there is no record of its image to promote. Nothing was changed.");
        }

        if (string.IsNullOrEmpty(version) && string.IsNullOrEmpty(digest))
        {
            return source.Current;
        }

        var ran = new[] { source.Current }.Concat(source.Successful).Distinct().ToList();
        var chosen = ran.FirstOrDefault(r =>
            (string.IsNullOrEmpty(version) || r.Version == version)
            && (string.IsNullOrEmpty(digest) || r.Digest.Equals(digest, StringComparison.OrdinalIgnoreCase)));
        if (chosen is not null)
        {
            return chosen;
        }

        var asked = string.Join(" and ", new[] { string.IsNullOrEmpty(version) ? null : $"version {version}", string.IsNullOrEmpty(digest) ? null : $"digest {digest}" }.OfType<string>());
        throw new PromotionRefusedException(
            $"'{name}' never ran {asked} successfully, so it cannot be promoted from there. Nothing was changed. '{name}' ran:"
            + string.Concat(ran.Select(r => Environment.NewLine + "  " + r.Describe())));
    }
}
