using Slipway.Output;

namespace Slipway.Tests.Support;

/// <summary>A log that keeps its lines, for asserting what a component reported.</summary>
internal sealed class ListLog : ILog
{
    public List<(LogLevel Level, string Message)> Lines { get; } = [];

    public string Text
    {
        get
        {
            lock (Lines)
            {
                return string.Join('\n', Lines.Select(l => l.Message));
            }
        }
    }

    public void Write(LogLevel level, string message)
    {
        lock (Lines)
        {
            Lines.Add((level, message));
        }
    }
}
