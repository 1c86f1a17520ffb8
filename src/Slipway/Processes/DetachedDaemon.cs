using System.Diagnostics;
using System.Globalization;
using Slipway.Output;

namespace Slipway.Processes;

/// <summary>
/// A background service that outlives the build that started it (a registry, an engine, the local cloud):
/// started in a session of its own (<c>setsid</c>, so Ctrl+C in the terminal does not reach it), its output
/// appended to a log file and its process id in a pid file, by which any later build finds or stops it.
/// </summary>
public sealed class DetachedDaemon
{
    private static readonly TimeSpan StopPoll = TimeSpan.FromMilliseconds(100);

    private DetachedDaemon(int processId, AbsolutePath pidFile, AbsolutePath logFile)
    {
        ProcessId = processId;
        PidFile = pidFile;
        LogFile = logFile;
    }

    public int ProcessId { get; }

    public AbsolutePath PidFile { get; }

    public AbsolutePath LogFile { get; }

    /// <summary>True while the process named by the pid file is alive.</summary>
    public bool IsRunning => IsAlive(ProcessId);

    /// <summary>The daemon the pid file names, when that process is still alive; else null (a stale pid file is deleted).</summary>
    public static DetachedDaemon? Find(AbsolutePath pidFile, AbsolutePath logFile)
    {
        ArgumentNullException.ThrowIfNull(pidFile);
        if (!pidFile.FileExists)
        {
            return null;
        }

        if (int.TryParse(pidFile.ReadAllText().Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var pid) && IsAlive(pid))
        {
            return new DetachedDaemon(pid, pidFile, logFile);
        }

        File.Delete(pidFile);
        return null;
    }

    /// <summary>
    /// Starts <paramref name="fileName"/> with <paramref name="arguments"/> detached, output appended to
    /// <paramref name="logFile"/>, and writes its pid to <paramref name="pidFile"/>. Returns at once: wait for
    /// readiness with <see cref="Waiting"/>.
    /// </summary>
    public static async Task<DetachedDaemon> StartAsync(
        string fileName, IReadOnlyList<string> arguments, AbsolutePath pidFile, AbsolutePath logFile, ILog log, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(fileName);
        ArgumentNullException.ThrowIfNull(arguments);
        ArgumentNullException.ThrowIfNull(pidFile);
        ArgumentNullException.ThrowIfNull(logFile);
        ArgumentNullException.ThrowIfNull(log);
        pidFile.Parent?.CreateDirectory();
        logFile.Parent?.CreateDirectory();

        // sh backgrounds setsid, which (not being a group leader) makes a new session and execs the daemon in
        // place: $! is the daemon's own pid. sh exits at once, so the daemon is re-parented and never a zombie here.
        var command = string.Join(' ', new[] { "setsid", fileName }.Concat(arguments).Select(Quote));
        var script = $"{command} >>{Quote(logFile)} 2>&1 </dev/null & echo $! >{Quote(pidFile)}";
        var start = new ProcessStartInfo("/bin/sh") { UseShellExecute = false };
        start.ArgumentList.Add("-c");
        start.ArgumentList.Add(script);
        using (var shell = Process.Start(start) ?? throw new InvalidOperationException($"could not start /bin/sh to launch {fileName}"))
        {
            await shell.WaitForExitAsync(cancellationToken);
            if (shell.ExitCode != 0)
            {
                throw new ProcessException($"Could not start {fileName} detached (sh exited with {shell.ExitCode}); see {logFile}.");
            }
        }

        var pid = int.Parse(pidFile.ReadAllText().Trim(), NumberStyles.None, CultureInfo.InvariantCulture);
        log.Information($"Started {fileName} (pid {pid}) in the background; it keeps running after the build. Log: {logFile}, pid file: {pidFile}");
        return new DetachedDaemon(pid, pidFile, logFile);
    }

    /// <summary>SIGTERM, then SIGKILL after <paramref name="grace"/>; deletes the pid file. Returns when the process is gone.</summary>
    public async Task StopAsync(TimeSpan grace, TimeProvider timeProvider, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(timeProvider);
        if (IsRunning)
        {
            Signal("TERM");
            if (!await Waiting.UntilAsync(_ => Task.FromResult(!IsRunning), grace, timeProvider, cancellationToken, StopPoll))
            {
                Signal("KILL");
                await Waiting.UntilAsync(_ => Task.FromResult(!IsRunning), TimeSpan.FromSeconds(10), timeProvider, cancellationToken, StopPoll);
            }
        }

        if (PidFile.FileExists)
        {
            File.Delete(PidFile);
        }
    }

    /// <summary>The last lines of the log, for an error message when the daemon did not come up.</summary>
    public string LogTail(int lines = 15) =>
        LogFile.FileExists ? string.Join('\n', File.ReadLines(LogFile).TakeLast(lines)) : string.Empty;

    private static bool IsAlive(int pid)
    {
        // /proc/<pid>/stat's third field is the state; Z (zombie) and X (dead) are not alive.
        var stat = $"/proc/{pid.ToString(CultureInfo.InvariantCulture)}/stat";
        try
        {
            var text = File.ReadAllText(stat);
            var state = text[(text.LastIndexOf(')') + 2)..].Split(' ', 2)[0];
            return state is not ("Z" or "X");
        }
        catch (IOException)
        {
            return false;
        }
    }

    private void Signal(string signal)
    {
        using var kill = Process.Start(new ProcessStartInfo("kill", [$"-{signal}", ProcessId.ToString(CultureInfo.InvariantCulture)]) { UseShellExecute = false, RedirectStandardError = true });
        kill?.WaitForExit();
    }

    private static string Quote(string word) => "'" + word.Replace("'", "'\\''", StringComparison.Ordinal) + "'";
}
