using System.Globalization;
using Slipway.Processes;

namespace Slipway.Components.Local;

/// <summary>
/// A pid file is trusted only while /proc says that pid still runs the program Slipway started there: a stale
/// pid file (after a reboot, say) must never make EnvironmentDown signal an unrelated process.
/// </summary>
internal static class OwnProcess
{
    /// <summary>The daemon of <paramref name="pidFile"/> when it runs a command line with a word named <paramref name="signature"/>.</summary>
    public static DetachedDaemon? Find(AbsolutePath pidFile, AbsolutePath logFile, string signature) =>
        DetachedDaemon.Find(pidFile, logFile) is { } daemon && Runs(daemon.ProcessId, signature) ? daemon : null;

    public static bool Runs(int pid, string signature)
    {
        try
        {
            var commandLine = File.ReadAllText($"/proc/{pid.ToString(CultureInfo.InvariantCulture)}/cmdline").Split('\0', StringSplitOptions.RemoveEmptyEntries);
            return commandLine.Any(word => Path.GetFileName(word) == signature);
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            return false;
        }
    }
}
