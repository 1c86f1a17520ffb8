using Microsoft.Extensions.Logging;

namespace Slipway.LocalCloud.Hosting;

/// <summary>The local cloud's log lines (source-generated, so a disabled level costs nothing). Secrets never appear here.</summary>
internal static partial class Log
{
    [LoggerMessage(Level = LogLevel.Error, Message = "{Target} failed")]
    public static partial void RequestFailed(this ILogger logger, Exception exception, string target);

    [LoggerMessage(Level = LogLevel.Information, Message = "Recovered state: {Count} tasks found in the engine")]
    public static partial void Recovered(this ILogger logger, int count);

    [LoggerMessage(Level = LogLevel.Error, Message = "The task runtime does not answer ({Problem}); the local cloud is not ready and tries again in {Seconds} s")]
    public static partial void EngineUnavailable(this ILogger logger, string problem, double seconds);

    [LoggerMessage(Level = LogLevel.Error, Message = "Scheduler tick failed")]
    public static partial void TickFailed(this ILogger logger, Exception exception);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not observe task {TaskId}: {Problem}")]
    public static partial void ObserveFailed(this ILogger logger, string taskId, string problem);

    [LoggerMessage(Level = LogLevel.Warning, Message = "The load balancer of {Service} could not listen on 127.0.0.1:{Port}: {Problem}")]
    public static partial void ListenerFailed(this ILogger logger, string service, int port, string problem);

    [LoggerMessage(Level = LogLevel.Error, Message = "Background work on task {TaskId} failed")]
    public static partial void BackgroundFailed(this ILogger logger, Exception exception, string taskId);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Task {TaskId} failed to start: {Reason}")]
    public static partial void LaunchFailed(this ILogger logger, string taskId, string reason);

    [LoggerMessage(Level = LogLevel.Debug, Message = "Nothing to clean up for task {TaskId}: {Problem}")]
    public static partial void CleanupSkipped(this ILogger logger, string taskId, string problem);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Draining task {TaskId} failed: {Problem}")]
    public static partial void DrainFailed(this ILogger logger, string taskId, string problem);
}
