using Slipway.Aws;
using Slipway.Aws.Deployment;
using Slipway.Aws.Deployment.Services;
using Slipway.Aws.Deployment.Watching;

namespace Slipway.Components;

/// <summary>Turns what the deploy library throws into the engine's failures with the documented exit codes.</summary>
internal static class DeployFailures
{
    public static async Task RunAsync(Func<Task> deploy)
    {
        try
        {
            await deploy();
        }
        catch (DeployConfigurationException e)
        {
            throw new UsageException(e.Message, e);
        }
        catch (AwsConfigurationException e)
        {
            throw new UsageException(e.Message, e);
        }
        catch (DeploymentInProgressException e)
        {
            throw new TargetFailureException(e.Message, DeployExitCodes.DeploymentInProgress, e);
        }
        catch (DeploymentFailedException e)
        {
            throw new TargetFailureException(e.Message, DeployExitCodes.DeploymentFailed, e);
        }
        catch (DeploymentTimeoutException e)
        {
            throw new TargetFailureException(e.Message, DeployExitCodes.DeploymentTimedOut, e);
        }
        catch (HttpRequestException e)
        {
            throw new TargetFailureException($"AWS could not be reached: {e.Message} Check the environment's endpoints and the network.", ExitCodes.TargetFailed, e);
        }
    }
}
