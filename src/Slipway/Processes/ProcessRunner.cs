using System.Diagnostics;
using Slipway.Output;

namespace Slipway.Processes;

/// <summary>
/// Runs tools: logs the command line and working directory, streams output into the log (where secrets are
/// masked), kills the process tree on cancellation, and turns a failure into a <see cref="ProcessException"/>.
/// </summary>
public sealed class ProcessRunner
{
    private readonly ILog log;
    private readonly TimeProvider time;

    public ProcessRunner(ILog log, TimeProvider? timeProvider = null)
    {
        this.log = log;
        time = timeProvider ?? TimeProvider.System;
    }

    public async Task<ProcessResult> RunAsync(ProcessSpec spec, CancellationToken cancellationToken = default)
    {
        var start = new ProcessStartInfo(spec.FileName)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            UseShellExecute = false,
            WorkingDirectory = spec.WorkingDirectory ?? Environment.CurrentDirectory,
        };
        foreach (var argument in spec.Arguments)
        {
            start.ArgumentList.Add(argument);
        }

        foreach (var (name, value) in spec.Environment)
        {
            if (value is null)
            {
                start.Environment.Remove(name);
            }
            else
            {
                start.Environment[name] = value;
            }
        }

        log.Write(spec.LogOutput ? LogLevel.Information : LogLevel.Debug, $"> {spec.CommandLine}{(spec.WorkingDirectory is null ? string.Empty : $"  (in {spec.WorkingDirectory})")}");
        var output = new List<OutputLine>();
        var started = time.GetTimestamp();
        using var process = new Process { StartInfo = start };
        try
        {
            process.Start();
        }
        catch (System.ComponentModel.Win32Exception exception)
        {
            throw new ProcessException($"Could not start '{spec.FileName}': {exception.Message}. Is it installed and on PATH?", exception);
        }

        process.StandardInput.Close();
        // Output that is not logged leaves the log silent, so the heartbeat then speaks every interval.
        var heartbeat = new QuietHeartbeat(log, time, Path.GetFileName(spec.FileName), HeartbeatInterval);
        await using (heartbeat)
        {
            var reading = Task.WhenAll(
                Pump(process.StandardOutput, OutputChannel.StandardOutput, spec.LogOutput ? heartbeat : null, output),
                Pump(process.StandardError, OutputChannel.StandardError, spec.LogOutput ? heartbeat : null, output));
            try
            {
                await process.WaitForExitAsync(cancellationToken);
                await reading;
            }
            catch (OperationCanceledException)
            {
                process.Kill(entireProcessTree: true);
                log.Warning($"Cancelled: killed {spec.FileName} (pid {process.Id}).");
                throw;
            }
        }

        var result = new ProcessResult(spec.CommandLine, process.ExitCode, output, time.GetElapsedTime(started));
        if (result.ExitCode != 0 && spec.ThrowOnFailure)
        {
            throw new ProcessException(result);
        }

        return result;
    }

    /// <summary>
    /// How long a process may be silent in the log before a "still running" line says it is (debootstrap, a
    /// first restore, a quiet tool): a silent half-minute reads like a hang.
    /// </summary>
    public TimeSpan HeartbeatInterval { get; init; } = TimeSpan.FromSeconds(15);

    private static async Task Pump(StreamReader reader, OutputChannel stream, ILog? shownIn, List<OutputLine> output)
    {
        while (await reader.ReadLineAsync() is { } line)
        {
            lock (output)
            {
                output.Add(new OutputLine(stream, line));
            }

            shownIn?.Information(line);
        }
    }
}
