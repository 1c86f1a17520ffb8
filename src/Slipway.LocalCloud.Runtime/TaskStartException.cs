namespace Slipway.LocalCloud.Runtime;

/// <summary>
/// A task could not be started. <see cref="StoppedReason"/> reads as ECS's (for example
/// <c>CannotPullContainerError: ...</c>), and the task stops with <c>TaskFailedToStart</c>.
/// </summary>
public sealed class TaskStartException : Exception
{
    public TaskStartException()
        : this("The task could not be started.")
    {
    }

    public TaskStartException(string stoppedReason)
        : base(stoppedReason) => StoppedReason = stoppedReason;

    public TaskStartException(string stoppedReason, Exception innerException)
        : base(stoppedReason, innerException) => StoppedReason = stoppedReason;

    public string StoppedReason { get; } = "The task could not be started.";
}
