namespace Slipway.Output;

/// <summary>How a message matters: the engine colours, filters and annotates by it.</summary>
public enum LogLevel
{
    Debug,
    Information,
    Warning,
    Error,
}

/// <summary>
/// Where libraries (Docker, AWS) write what they do. The engine's implementation adds timestamps,
/// redacts secrets and maps levels to CI annotations; libraries never write to the console directly.
/// </summary>
public interface ILog
{
    void Write(LogLevel level, string message);
}

public static class LogExtensions
{
    public static void Debug(this ILog log, string message) => log.Write(LogLevel.Debug, message);

    public static void Information(this ILog log, string message) => log.Write(LogLevel.Information, message);

    public static void Warning(this ILog log, string message) => log.Write(LogLevel.Warning, message);

    public static void Error(this ILog log, string message) => log.Write(LogLevel.Error, message);
}

/// <summary>A log that drops everything: for library callers that do not care.</summary>
public sealed class NullLog : ILog
{
    public static readonly NullLog Instance = new();

    private NullLog()
    {
    }

    public void Write(LogLevel level, string message)
    {
    }
}
