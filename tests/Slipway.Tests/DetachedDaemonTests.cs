using Slipway.Processes;

namespace Slipway.Tests;

public sealed class DetachedDaemonTests : IDisposable
{
    private readonly AbsolutePath state = AbsolutePath.Create(Directory.CreateTempSubdirectory("slipway-daemon-").FullName);

    [Fact]
    public async Task A_detached_daemon_writes_its_pid_and_log_is_found_by_its_pid_file_and_stops()
    {
        var log = new RecordingLog();
        var pidFile = state / "d.pid";
        var logFile = state / "d.log";

        var started = await DetachedDaemon.StartAsync("sh", ["-c", "echo ready; exec sleep 300"], pidFile, logFile, log, CancellationToken.None);
        var found = DetachedDaemon.Find(pidFile, logFile);
        await Waiting.UntilAsync(() => started.LogTail().Contains("ready", StringComparison.Ordinal), TimeSpan.FromSeconds(10), TimeProvider.System, CancellationToken.None);

        Assert.True(started.IsRunning);
        Assert.Equal(started.ProcessId, found?.ProcessId);
        Assert.Equal("ready", started.LogTail());
        Assert.Contains("keeps running after the build", log.Text, StringComparison.Ordinal);
        // In a session of its own: Ctrl+C in the build's terminal (its process group) does not reach it.
        Assert.Equal(started.ProcessId.ToString(System.Globalization.CultureInfo.InvariantCulture), SessionOf(started.ProcessId));

        await started.StopAsync(TimeSpan.FromSeconds(5), TimeProvider.System, CancellationToken.None);

        Assert.False(started.IsRunning);
        Assert.False(pidFile.FileExists);
        Assert.Null(DetachedDaemon.Find(pidFile, logFile));
    }

    [Fact]
    public void A_pid_file_of_a_process_that_is_gone_is_removed()
    {
        var pidFile = state / "stale.pid";
        pidFile.WriteAllText("999999999\n");

        Assert.Null(DetachedDaemon.Find(pidFile, state / "stale.log"));
        Assert.False(pidFile.FileExists);
    }

    /// <summary>The session id (sixth field of /proc/pid/stat).</summary>
    private static string SessionOf(int pid)
    {
        var stat = File.ReadAllText($"/proc/{pid}/stat");
        return stat[(stat.LastIndexOf(')') + 2)..].Split(' ')[3];
    }

    public void Dispose() => state.DeleteDirectory();
}
