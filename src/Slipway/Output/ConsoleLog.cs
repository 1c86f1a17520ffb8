namespace Slipway.Output;

/// <summary>
/// The build's log: timestamped lines, secrets masked, warnings and errors as GitHub Actions annotations
/// when running there. Thread-safe, since tools stream output from two pipes at once.
/// </summary>
internal sealed class ConsoleLog : ILog
{
    private readonly TextWriter writer;
    private readonly SecretRedactor redactor;
    private readonly CiHost host;
    private readonly TimeProvider time;
    private readonly Lock gate = new();

    public ConsoleLog(TextWriter writer, SecretRedactor redactor, CiHost host, TimeProvider time, Verbosity verbosity)
    {
        this.writer = writer;
        this.redactor = redactor;
        this.host = host;
        this.time = time;
        Verbosity = verbosity;
    }

    public Verbosity Verbosity { get; }

    public void Write(LogLevel level, string message)
    {
        if (level == LogLevel.Debug && Verbosity < Verbosity.Verbose || level == LogLevel.Information && Verbosity == Verbosity.Quiet)
        {
            return;
        }

        var stamp = time.GetLocalNow().ToString("HH:mm:ss", System.Globalization.CultureInfo.InvariantCulture);
        var text = redactor.Redact(message);
        var prefix = (level, host.IsGitHubActions) switch
        {
            (LogLevel.Warning, true) => "::warning::",
            (LogLevel.Error, true) => "::error::",
            (LogLevel.Warning, false) => "WARNING: ",
            (LogLevel.Error, false) => "ERROR: ",
            (LogLevel.Debug, _) => "debug: ",
            _ => string.Empty,
        };
        lock (gate)
        {
            foreach (var line in text.Split('\n'))
            {
                writer.WriteLine(host.IsGitHubActions && prefix.StartsWith("::", StringComparison.Ordinal)
                    ? $"{prefix}{line.TrimEnd('\r')}"
                    : $"{stamp} {prefix}{line.TrimEnd('\r')}");
            }

            writer.Flush();
        }
    }

    /// <summary>Writes text as it is (headers, tables), still redacted.</summary>
    public void WriteRaw(string text)
    {
        lock (gate)
        {
            writer.WriteLine(redactor.Redact(text));
            writer.Flush();
        }
    }

    public void BeginTarget(string name)
    {
        if (host.IsGitHubActions)
        {
            WriteRaw($"::group::{name}");
            return;
        }

        var stamp = time.GetLocalNow().ToString("HH:mm:ss", System.Globalization.CultureInfo.InvariantCulture);
        WriteRaw($"{Environment.NewLine}━━━ {name} {new string('━', Math.Max(3, 60 - name.Length))} {stamp}");
    }

    public void EndTarget()
    {
        if (host.IsGitHubActions)
        {
            WriteRaw("::endgroup::");
        }
    }
}
