namespace Slipway.Aws.Promotion;

/// <summary>
/// A promotion or rollback that the rules or the environments' state forbid: nothing was changed, and the message
/// says why and what would be allowed. A usage error (exit code 2), like every bad input of a deploy.
/// </summary>
public sealed class PromotionRefusedException : Deployment.DeployConfigurationException
{
    public PromotionRefusedException()
        : this("The promotion was refused.")
    {
    }

    public PromotionRefusedException(string message)
        : base(message)
    {
    }

    public PromotionRefusedException(string message, Exception? innerException)
        : base(message, innerException)
    {
    }
}
