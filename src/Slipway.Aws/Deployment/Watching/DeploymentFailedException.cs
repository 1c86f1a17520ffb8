namespace Slipway.Aws.Deployment.Watching;

/// <summary>How a deployment ended when it did not succeed.</summary>
public enum DeploymentFailure
{
    /// <summary>ECS marked our deployment FAILED (the circuit breaker without rollback, or a failed deployment alarm).</summary>
    Failed,

    /// <summary>ECS rolled the service back (circuit breaker), or our deployment was replaced or vanished.</summary>
    RolledBack,

    /// <summary>Our tasks stopped repeatedly for the same reason; the deploy stopped waiting (and rolled back).</summary>
    FailedFast,
}

/// <summary>Our deployment did not become PRIMARY and COMPLETED: never success, whatever the service looks like now.</summary>
public sealed class DeploymentFailedException : Exception
{
    public DeploymentFailedException()
        : this("The deployment failed.")
    {
    }

    public DeploymentFailedException(string message)
        : this(message, DeploymentFailure.Failed)
    {
    }

    public DeploymentFailedException(string message, Exception? innerException)
        : base(message, innerException)
    {
    }

    public DeploymentFailedException(string message, DeploymentFailure failure, StoppedTaskReason? reason = null)
        : base(message)
    {
        Failure = failure;
        Reason = reason;
    }

    public DeploymentFailure Failure { get; }

    /// <summary>For <see cref="DeploymentFailure.FailedFast"/>: why the tasks stopped.</summary>
    public StoppedTaskReason? Reason { get; }

    /// <summary>After a rollback: what the service runs now (the rollback completed, failed, or was still rolling out).</summary>
    public string? ServiceNow { get; init; }

    /// <summary>The service went back to an earlier deployment, which the watcher waits for before the deploy ends.</summary>
    internal bool ServiceRolledBack { get; init; }

    /// <summary>The rollback deployment's id, when known.</summary>
    internal string? RollbackDeploymentId { get; init; }
}

/// <summary>The deployment was still rolling out when <c>--deploy-timeout</c> ran out; the message says what still runs.</summary>
public sealed class DeploymentTimeoutException : Exception
{
    public DeploymentTimeoutException()
        : this("The deployment timed out.")
    {
    }

    public DeploymentTimeoutException(string message)
        : base(message)
    {
    }

    public DeploymentTimeoutException(string message, Exception? innerException)
        : base(message, innerException)
    {
    }
}
