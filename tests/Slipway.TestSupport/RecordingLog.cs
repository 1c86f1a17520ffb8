using System.Collections.Concurrent;
using Slipway.Output;
using Xunit.Abstractions;

namespace Slipway.TestSupport;

/// <summary>Keeps every line a library logs (to assert on) and echoes it to the test output when there is one.</summary>
public sealed class RecordingLog(ITestOutputHelper? output = null, IMessageSink? sink = null) : ILog
{
    private readonly ConcurrentQueue<(LogLevel Level, string Message)> lines = new();

    public IReadOnlyList<string> Lines => [.. lines.Select(l => l.Message)];

    public IReadOnlyList<(LogLevel Level, string Message)> Entries => [.. lines];

    public string Text => string.Join('\n', lines.Select(l => l.Message));

    public void Write(LogLevel level, string message)
    {
        lines.Enqueue((level, message));
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
