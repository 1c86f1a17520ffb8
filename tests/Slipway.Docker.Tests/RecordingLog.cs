using System.Collections.Concurrent;
using Slipway.Output;
using Xunit.Abstractions;

namespace Slipway.Docker.Tests;

/// <summary>Keeps every line the library logs (to assert on) and echoes it to the test output when there is one.</summary>
public sealed class RecordingLog(ITestOutputHelper? output = null, IMessageSink? sink = null) : ILog
{
    private readonly ConcurrentQueue<string> lines = new();

    public IReadOnlyList<string> Lines => lines.ToList();

    public string Text => string.Join('\n', lines);

    public void Write(LogLevel level, string message)
    {
        lines.Enqueue(message);
        try
        {
            output?.WriteLine($"[{level}] {message}");
            sink?.OnMessage(new Xunit.Sdk.DiagnosticMessage($"[{level}] {message}"));
        }
        catch (InvalidOperationException)
        {
            // The test already finished; a late line is not worth failing for.
        }
    }
}
