using System.Collections.Concurrent;
using Slipway.Output;

namespace Slipway.LocalCloud.Runtime.Tests;

/// <summary>Keeps every line the library logs, to assert on (secrets never among them).</summary>
public sealed class RecordingLog : ILog
{
    private readonly ConcurrentQueue<string> lines = new();

    public string Text => string.Join('\n', lines);

    public void Write(LogLevel level, string message) => lines.Enqueue($"[{level}] {message}");
}
