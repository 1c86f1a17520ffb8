using System.Collections.Concurrent;
using Slipway.Output;

namespace Slipway.Aws.Tests.Support;

/// <summary>Keeps every line written, so tests can read what the clients logged.</summary>
internal sealed class RecordingLog : ILog
{
    private readonly ConcurrentQueue<(LogLevel Level, string Message)> lines = new();

    public IReadOnlyList<(LogLevel Level, string Message)> Lines => [.. lines];

    public string Text => string.Join(Environment.NewLine, lines.Select(l => $"{l.Level}: {l.Message}"));

    public void Write(LogLevel level, string message) => lines.Enqueue((level, message));
}
