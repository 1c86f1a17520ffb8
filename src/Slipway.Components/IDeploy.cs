namespace Slipway.Components;

/// <summary>
/// <c>Deploy</c>: the whole chain to <c>--environment</c>: the service's tests, the image, the push (only after the
/// tests passed), and the deployment.
/// </summary>
public interface IDeploy : ITest, IEcsDeploy
{
    Target Deploy => _ => _
        .Description("Test, build, push and deploy the service to --environment (default: local)")
        .DependsOn<ITest>(x => x.TestService)
        .DependsOn<IEcsDeploy>(x => x.EcsDeploy);
}
